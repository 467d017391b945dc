package io.concbench.report;

import io.concbench.result.Report;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Every report format, in the order help shows them. Adding one is one class and one line here. */
public final class ReportFormats {

  private record Simple(String name, String description, Function<Report, String> renderer,
      boolean disturbsMeasurement) implements ReportFormat {

    Simple(String name, String description, Function<Report, String> renderer) {
      this(name, description, renderer, false);
    }

    @Override
    public String render(Report report) {
      return renderer.apply(report);
    }
  }

  private static final List<ReportFormat> ALL = List.of(
      new Simple("table", "aligned text table, as run and matrix print it", TableReport::render),
      new Simple("json", "the concbench/1 report itself", JsonReport::render),
      new Simple("markdown", "a Markdown table, ready for a pull request or a README", MarkdownReport::render),
      new Simple("csv", "one row per measured run and one per result (row_type sample|summary)", CsvReport::render),
      new Simple("html", "one self-contained page with SVG charts, the environment and the warnings",
          HtmlReport::render, true), // loads AWT and JFreeChart: ~0.7 s of CPU the first time
      new Simple("junit", "JUnit XML: one test case per result, failed if a task failed or a guard lost updates",
          JunitReport::render),
      new Simple("jmh", "JMH's JSON result format (single-shot mode, one op = one run of all tasks)",
          JmhReport::render),
      new Simple("bmf", "Bencher Metric Format: latency (ns per run) and throughput (tasks/s) per result",
          BmfReport::render),
      new Simple("gab", "github-action-benchmark customSmallerIsBetter: wall ms and p99 task latency",
          GabReport::smallerIsBetter),
      new Simple("gab-bigger", "github-action-benchmark customBiggerIsBetter: throughput and speedup",
          GabReport::biggerIsBetter));

  private ReportFormats() {}

  public static List<ReportFormat> all() {
    return ALL;
  }

  public static Optional<ReportFormat> find(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(ReportFormat::name).toList();
  }
}
