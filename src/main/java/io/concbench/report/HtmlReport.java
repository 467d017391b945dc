package io.concbench.report;

import io.concbench.result.Environment;
import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One self-contained page: the results table, per workload SVG charts (wall time with confidence intervals,
 * speedup, latency percentiles), the scaling fits, warnings, failures and the environment. No scripts, no
 * styles or images from elsewhere: it opens offline, from a CI artefact or an e-mail. The markup is also
 * well-formed XML (XHTML-compatible), so that tests and tools can read it with any XML parser.
 *
 * <p>This class touches nothing of AWT; the charts ({@link ReportCharts}) do, and are loaded only here.
 * {@link HtmlDetails} writes the sections about the run: warnings, failures, environment.
 */
final class HtmlReport {

  private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./=:,@%+-]+");

  /**
   * Columns that, when every result has the same, are said once above the table: those that name a case
   * rather than measure it, and the interval, "n/a" in every row of a report with too few runs for one.
   */
  private static final Set<String> SHAREABLE = Set.of("source", "guard", "tasks", "99.9% CI");

  private final StringBuilder html = new StringBuilder();

  private HtmlReport() {}

  static String render(Report report) {
    // The charts are drawn into SVG, never on a screen: no display may be asked for (CI, ssh, containers).
    // Set before the first AWT class loads, which is in ReportCharts below.
    System.setProperty("java.awt.headless", "true");
    List<SvgChart> charts = ReportCharts.of(report);
    HtmlReport page = new HtmlReport();
    page.page(report, charts);
    return page.html.toString();
  }

  private void page(Report report, List<SvgChart> charts) {
    List<String> workloads = report.results().stream().map(r -> r.benchmarkCase().workload()).distinct().toList();
    html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
        .append("<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>").append(escape("concbench: " + String.join(", ", workloads))).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
    header(report, workloads);
    howToRead(report, charts.stream().map(SvgChart::kind).collect(Collectors.toSet()));
    if (report.advice() != null) {
      advice(report.advice());
    }
    if (workloads.isEmpty()) {
      html.append("<p>No results.</p>\n");
    }
    for (String workload : workloads) {
      html.append("<section class=\"workload\">\n<h2>").append(escape(workload)).append("</h2>\n");
      resultsTable(report.results().stream().filter(r -> r.benchmarkCase().workload().equals(workload)).toList(),
          TableReport.sources(report));
      for (SvgChart chart : charts.stream().filter(c -> c.workload().equals(workload)).toList()) {
        figure(chart);
        if (chart.kind().equals("speedup")) {
          scalingTable(report.scaling().stream().filter(s -> s.workload().equals(workload)).toList());
        }
      }
      html.append("</section>\n");
    }
    HtmlDetails.warnings(html, report.results());
    HtmlDetails.failures(html, report.results());
    HtmlDetails.environment(html, report.environment(), report.results());
    html.append("<footer>Written by concbench")
        .append(report.environment() == null ? "" : " " + escape(report.environment().concbenchVersion()))
        .append(" from a <code>concbench/1</code> report. This page is self-contained: no scripts, nothing ")
        .append("loaded from the network.</footer>\n</body>\n</html>\n");
  }

  /** advise's recommendation, its evidence and every candidate tried, before the results they come from. */
  private void advice(io.concbench.result.Advice advice) {
    html.append("<section class=\"advice\">\n<h2>Advice</h2>\n<p><strong>")
        .append(escape(advice.recommendation())).append("</strong></p>\n<ul>\n");
    AdviceText.lines(advice).forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
    html.append("</ul>\n<div class=\"wide\"><table class=\"advice\">\n");
    List<String[]> rows = AdviceText.candidateRows(advice);
    for (int i = 0; i < rows.size(); i++) {
      String cell = i == 0 ? "th" : "td";
      html.append(i == 0 ? "<thead><tr>" : "<tr>");
      for (String value : rows.get(i)) {
        html.append('<').append(cell).append('>').append(escape(value)).append("</").append(cell).append('>');
      }
      html.append(i == 0 ? "</tr></thead>\n<tbody>\n" : "</tr>\n");
    }
    html.append("</tbody></table></div>\n</section>\n");
  }

  private void header(Report report, List<String> workloads) {
    html.append("<header>\n<h1>concbench report: ").append(escape(String.join(", ", workloads))).append("</h1>\n");
    Environment env = report.environment();
    if (env != null) {
      html.append("<p class=\"meta\">").append(escape(Units.format("%s UTC · %s · %d processors · Java %s",
          env.timestampUtc(), env.cpuModel(), env.availableProcessors(), env.javaVersion()))).append("</p>\n");
    }
    if (!report.complete()) {
      html.append("<p class=\"banner\"><strong>Incomplete:</strong> the run was interrupted or failed before ")
          .append("everything asked for was measured.</p>\n");
    }
    if (report.commandLine() != null && !report.commandLine().isEmpty()) {
      html.append("<pre class=\"command\">$ ").append(escape(commandLine(report.commandLine())))
          .append("</pre>\n");
    }
    html.append("</header>\n");
  }

  private void howToRead(Report report, Set<String> kinds) {
    html.append("<details class=\"note\" open=\"open\">\n<summary>How to read this</summary>\n<ul>\n")
        .append("<li><strong>Wall time</strong>: a bar is the median over the measured runs of one run's wall ")
        .append("time (dispatch of the first task to the end of the last); its whisker is the 99.9 % confidence ")
        .append("interval of the mean. Where two whiskers overlap, the difference may be noise.</li>\n");
    if (kinds.contains("speedup")) {
      html.append("<li><strong>Speedup vs workers</strong>: points are measured speedups (reference wall time ")
          .append("/ wall time), an executor's in its colour and shape, set a little apart where two share a ")
          .append("worker count. The grey line is the ideal (speedup = workers); the axis is the measurements', ")
          .append("so the ideal leaves the chart at its top when the work outgrows the cores. The dashed ")
          .append("curve is Amdahl's law fitted to the points: a serial fraction <em>s</em> caps the speedup ")
          .append("at 1/<em>s</em>. The dotted curve is the Universal Scalability Law: contention <em>σ</em> ")
          .append("and coherency ")
          .append("<em>κ</em>; with <em>κ</em> above 0 it has a peak, beyond which more workers make the work ")
          .append("slower.</li>\n");
    }
    if (kinds.contains("speedup-per-result")) {
      html.append("<li><strong>Speedup</strong>: the baseline's median wall time / this result's; the grey ")
          .append("bar is the ideal, the worker count. Efficiency is speedup / workers.</li>\n");
    }
    html.append("<li><strong>Task latency</strong>: each task timed on the thread that runs it, over every ")
        .append("task of every measured run: half the tasks took less than p50, 1 in 100 more than p99.</li>\n");
    if (report.results().stream().anyMatch(r -> r.capacity().probe() != null)) {
      html.append("<li><strong>capacity</strong> is the machine's parallel capacity for that many workers, ")
          .append("probed in every measured round (2.00/2: two full cores); <strong>eff/capacity</strong> is ")
          .append("the speedup against what the machine could give at that moment.</li>\n");
    }
    if (report.results().stream().anyMatch(r -> r.capacity().partlyWaiting())) {
      html.append("<li><strong>bound</strong> is the most speedup the machine allowed work that waits as well ")
          .append("as computes: min(workers, capacity / the share of a core its single-thread baseline kept ")
          .append("busy), since waits overlap beyond the cores; <strong>eff/bound</strong> is the speedup ")
          .append("against it.</li>\n");
    }
    html.append("<li>Warnings below say what makes a number doubtful; the environment at the end says where ")
        .append("it was measured: numbers from different machines or JDKs rarely compare.</li>\n</ul>\n</details>\n");
  }

  /** One workload's results, as the text table has them, under the workload's heading. */
  private void resultsTable(List<Result> results, Map<Result, String> sources) {
    // What every result shares is said once above the table, which is wide enough without it.
    List<TableReport.Column> columns = new ArrayList<>();
    List<String> shared = new ArrayList<>();
    for (TableReport.Column c : TableReport.columns(results, sources)) {
      List<String> values = results.stream().map(c.cell()).distinct().toList();
      if (c.header().equals("workload")) {
        continue; // the heading says it
      }
      if (results.size() > 1 && values.size() == 1 && SHAREABLE.contains(c.header())) {
        shared.add(c.header() + " " + values.get(0));
      } else {
        columns.add(c);
      }
    }
    if (!shared.isEmpty()) {
      html.append("<p class=\"small\">Every result: ").append(escape(String.join(", ", shared))).append(".</p>\n");
    }
    PageColumns split = new PageColumns(columns);
    table("results", split.main(), results);
    if (!split.process().isEmpty()) {
      html.append("<p class=\"small\">What the process executors cost: the largest worker's peak memory and ")
          .append("each phase of their runs (medians over the runs).</p>\n");
      table("results process", split.process(), split.processRows(results));
    }
  }

  /** A table of these columns, a row per result, inside a box that scrolls should the page be narrower. */
  private void table(String classes, List<TableReport.Column> columns, List<Result> results) {
    html.append("<div class=\"wide\"><table class=\"").append(classes).append("\">\n<thead><tr>");
    for (TableReport.Column c : columns) {
      // A header may break after a slash before a word ("eff/" over "capacity", not "tasks/s"): the
      // narrowest a column can be is its longest word, and on a narrow page every column counts.
      html.append(c.rightAligned() ? "<th class=\"num\">" : "<th>")
          .append(escape(c.header()).replaceAll("/(?=[a-z]{3})", "/<wbr/>")).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Result r : results) {
      html.append("<tr>");
      columns.forEach(c -> cell("td", c.cell().apply(r), c.rightAligned()));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n");
  }

  private void figure(SvgChart chart) {
    html.append("<figure class=\"chart\" data-kind=\"").append(escape(chart.kind())).append("\">\n")
        .append(chart.svg()).append('\n')
        .append("<figcaption>").append(escape(caption(chart.kind()))).append("</figcaption>\n</figure>\n");
  }

  private static String caption(String kind) {
    return switch (kind) {
      case "wall" -> "Median wall time per run; whiskers: 99.9 % confidence interval of the mean (cut at 0; an "
          + "arrow: it goes on past the axis).";
      case "speedup" -> "Measured speedups with Amdahl's law (dashed) and the Universal Scalability Law (dotted) "
          + "fitted to them; grey: ideal, cut at the top; marks at one worker count set a little apart.";
      case "speedup-per-result" -> "Speedup over the baseline per result, beside the ideal (the worker count).";
      case "latency" -> "Per-task latency percentiles over every task of every measured run.";
      case "rate" -> "p99 (solid) and p50 (dashed) latency from each task's intended release against the offered "
          + "rate, both on log scales; the knee: the highest rate up to which p99 stayed within the factor of "
          + "the service time.";
      default -> "";
    };
  }

  /** The fitted laws' parameters, under the chart that draws them. */
  private void scalingTable(List<Scaling> scalings) {
    html.append("<div class=\"wide\"><table class=\"scaling\">\n<thead><tr>");
    List<String> headers = List.of("sweep", "speedup at workers", "Amdahl s", "max speedup", "Amdahl R²",
        "USL σ", "USL κ", "peak workers", "peak speedup", "USL R²");
    for (int i = 0; i < headers.size(); i++) {
      cell("th", headers.get(i), i >= 2);
    }
    html.append("</tr></thead>\n<tbody>\n");
    List<String> labels = ResultLabels.ofScalings(scalings);
    for (int i = 0; i < scalings.size(); i++) {
      Scaling s = scalings.get(i);
      html.append("<tr>");
      cell("td", labels.get(i) + " vs " + s.reference(), false);
      cell("td", s.points().stream().map(p -> Units.format("%d: %.2f", p.workers(), p.speedup()))
          .collect(Collectors.joining(", ")), false);
      Scaling.AmdahlFit a = s.amdahl();
      cell("td", a == null ? "" : Units.format("%.3f", a.serialFraction()), true);
      cell("td", a == null || a.maxSpeedup() == null ? "" : Units.format("%.2fx", a.maxSpeedup()), true);
      cell("td", a == null ? "" : number(a.rSquared(), "%.3f"), true);
      Scaling.UslFit u = s.usl();
      cell("td", u == null ? "" : Units.format("%.3f", u.sigma()), true);
      cell("td", u == null ? "" : Units.format("%.4f", u.kappa()), true);
      cell("td", u == null ? "" : number(u.peakWorkers(), "%.1f"), true);
      cell("td", u == null || u.peakSpeedup() == null ? "" : Units.format("%.2fx", u.peakSpeedup()), true);
      cell("td", u == null ? "" : number(u.rSquared(), "%.3f"), true);
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table></div>\n<p class=\"small\">Blank: not fitted (Amdahl needs a point beyond one ")
        .append("worker, the USL two), no limit (s = 0, κ = 0), or no variance to explain (R²). An R² below 0: ")
        .append("the law fits worse than the mean of the points.</p>\n");
  }

  private void cell(String tag, String text, boolean number) {
    cell(html, tag, text, number);
  }

  /** A table cell of escaped text; a number's right-aligned. */
  static void cell(StringBuilder html, String tag, String text, boolean number) {
    html.append('<').append(tag).append(number ? " class=\"num\">" : ">").append(escape(text)).append("</")
        .append(tag).append('>');
  }

  private static String number(Double value, String pattern) {
    return value == null ? "" : Units.format(pattern, value);
  }

  /** The command line as a shell would take it back: arguments with spaces or symbols single-quoted. */
  static String commandLine(List<String> arguments) {
    return arguments.stream().map(a -> PLAIN_ARGUMENT.matcher(a).matches() ? a
        : "'" + a.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
  }

  /**
   * Text fit for an element or a quoted attribute in HTML and in XML alike: markup characters as
   * references, and characters XML 1.0 forbids (control characters from a worker's stderr, lone
   * surrogates) as U+FFFD.
   */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
            out.append(c).append(text.charAt(++i));
          } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || Character.isSurrogate(c)
              || c == 0xFFFE || c == 0xFFFF) {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** Light, plain, readable in print; sizes in em so the page follows the reader's font size. */
  static final String STYLE = """
      :root { color-scheme: light; }
      body { font: 15px/1.45 system-ui, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif;
        color: #222; background: #fff; max-width: 1240px; margin: 0 auto; padding: 20px 24px 40px; }
      h1 { font-size: 1.55em; margin: 0.2em 0; }
      h2 { font-size: 1.25em; margin: 1.8em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #ddd; }
      h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
      .meta { color: #555; margin: 0 0 0.6em; }
      pre, code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.88em; }
      pre { background: #f5f5f5; padding: 8px 12px; margin: 0.5em 0; white-space: pre-wrap;
        overflow-wrap: anywhere; }
      .banner { background: #fff4d6; border-left: 4px solid #e69f00; padding: 8px 12px; }
      .note { background: #f2f7fb; border-left: 4px solid #0072b2; padding: 6px 14px; margin: 1em 0; }
      .note summary { font-weight: bold; cursor: pointer; }
      .note ul { margin: 0.4em 0; padding-left: 1.3em; }
      /* Should a table still be wider than the page, its box scrolls, and a shadow at the edge it goes on
         past says so where the system hides scroll bars until used. */
      .wide { overflow-x: auto; max-width: 100%;
        background: linear-gradient(to right, #fff 30%, rgba(255, 255, 255, 0)) left / 36px 100% no-repeat local,
          linear-gradient(to left, #fff 30%, rgba(255, 255, 255, 0)) right / 36px 100% no-repeat local,
          radial-gradient(farthest-side at 0 50%, rgba(0, 0, 0, 0.2), rgba(0, 0, 0, 0)) left / 12px 100% no-repeat,
          radial-gradient(farthest-side at 100% 50%, rgba(0, 0, 0, 0.2), rgba(0, 0, 0, 0)) right / 12px 100%
          no-repeat; }
      table.process { margin-bottom: 0.6em; }
      table { border-collapse: collapse; font-size: 0.83em; font-variant-numeric: tabular-nums; }
      th, td { padding: 3px 6px; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
      table.results td, table.scaling td { white-space: nowrap; }
      thead th { border-bottom: 2px solid #bbb; vertical-align: bottom; }
      .num { text-align: right; }
      td.num { white-space: nowrap; }
      table.environment th { font-weight: normal; color: #555; white-space: nowrap; }
      figure { margin: 1.2em 0 1.8em; }
      figure svg { display: block; width: 100%; height: auto; }
      figcaption { color: #555; font-size: 0.88em; margin-top: 0.2em; }
      .warnings li { margin: 0.25em 0; }
      .which, .small { color: #666; font-size: 0.9em; }
      footer { margin-top: 2.5em; color: #777; font-size: 0.85em; }
      @media (max-width: 900px) {
        body { padding: 12px 12px 30px; }
        table { font-size: 0.74em; }
        th, td { padding: 2px 3px; }
      }
      """;
}
