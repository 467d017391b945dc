package io.concbench.report;

import io.concbench.stats.ComparisonRule;
import io.concbench.stats.Metric;
import io.concbench.stats.ReportComparison;
import io.concbench.stats.ReportComparison.MetricOutcome;
import io.concbench.stats.ReportComparison.Outcome;
import io.concbench.stats.ReportComparison.PairOutcome;
import io.concbench.stats.SampleComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Renders the outcome of {@code concbench compare} as a table, Markdown, or JSON. */
public final class ComparisonReport {

  public static final String JSON_SCHEMA = "concbench-compare/1";
  private static final int VERDICT_COLUMN = 2;

  private ComparisonReport() {}

  public static String table(Outcome outcome, ComparisonRule rule) {
    List<String[]> rows = new ArrayList<>();
    rows.add(header(rule));
    for (PairOutcome pair : outcome.pairs()) {
      boolean first = true;
      for (MetricOutcome m : pair.metrics()) {
        rows.add(row(first ? pair.key().label() : "", m));
        first = false;
      }
    }
    StringBuilder text = new StringBuilder(TextTable.render(rows, 0, 1, 2));
    legend(outcome, rule).forEach(line -> text.append(line).append('\n'));
    text.append(summary(outcome, rule)).append('\n');
    return text.toString();
  }

  public static String markdown(Outcome outcome, ComparisonRule rule) {
    StringBuilder text = new StringBuilder("### concbench compare: ").append(summary(outcome, rule)).append("\n\n");
    String[] header = header(rule);
    text.append("| ").append(String.join(" | ", header)).append(" |\n|");
    for (int i = 0; i < header.length; i++) {
      text.append(i < 3 ? " --- |" : " ---: |");
    }
    text.append('\n');
    for (PairOutcome pair : outcome.pairs()) {
      for (MetricOutcome m : pair.metrics()) {
        String[] cells = row(pair.key().label(), m);
        for (int i = 0; i < cells.length; i++) {
          cells[i] = cells[i].replace("|", "\\|");
        }
        if (m.comparison().verdict() == io.concbench.stats.Verdict.REGRESSED) {
          cells[VERDICT_COLUMN] = "**" + cells[VERDICT_COLUMN] + "**";
        }
        text.append("| ").append(String.join(" | ", cells)).append(" |\n");
      }
    }
    text.append('\n');
    legend(outcome, rule).forEach(line -> text.append(line).append("  \n"));
    for (String difference : outcome.environmentDifferences()) {
      text.append("\n> warning: ").append(difference);
    }
    for (PairOutcome pair : outcome.pairs()) {
      for (String note : pair.notes()) {
        text.append("\n> warning: ").append(pair.key().label()).append(": ").append(note);
      }
    }
    unpaired(outcome).forEach(line -> text.append("\n> ").append(line));
    return text.append('\n').toString();
  }

  /** The outcome as plain data for JSON. */
  public static Map<String, Object> json(Outcome outcome, ComparisonRule rule, String baselineFile,
      String currentFile) {
    List<Map<String, Object>> pairs = new ArrayList<>();
    for (PairOutcome pair : outcome.pairs()) {
      List<Map<String, Object>> metrics = new ArrayList<>();
      for (MetricOutcome m : pair.metrics()) {
        SampleComparison c = m.comparison();
        Map<String, Object> metric = new java.util.LinkedHashMap<>();
        metric.put("metric", m.metric().key());
        metric.put("lower_is_better", m.metric().lowerIsBetter());
        metric.put("baseline_samples", c.baselineSamples());
        metric.put("current_samples", c.currentSamples());
        metric.put("baseline_median", c.baselineMedian());
        metric.put("current_median", c.currentMedian());
        metric.put("ratio", c.ratio());
        metric.put("ratio_ci_low", c.ratioCiLow());
        metric.put("ratio_ci_high", c.ratioCiHigh());
        metric.put("p_value", c.pValue());
        metric.put("verdict", c.verdict().name().toLowerCase(java.util.Locale.ROOT));
        metrics.add(metric);
      }
      Map<String, Object> entry = keyJson(pair.key());
      entry.put("metrics", metrics);
      entry.put("capacity_note", pair.capacityNote());
      entry.put("background_note", pair.backgroundNote());
      pairs.add(entry);
    }
    Map<String, Object> root = new java.util.LinkedHashMap<>();
    root.put("schema", JSON_SCHEMA);
    root.put("baseline_file", baselineFile);
    root.put("current_file", currentFile);
    root.put("threshold", rule.threshold());
    root.put("alpha", rule.alpha());
    root.put("confidence", rule.confidence());
    root.put("min_samples", rule.minSamples());
    root.put("environment_differences", outcome.environmentDifferences());
    root.put("regressions", outcome.regressions());
    root.put("improvements", outcome.improvements());
    root.put("pairs", pairs);
    root.put("baseline_only", outcome.baselineOnly().stream().map(ComparisonReport::keyJson).toList());
    root.put("current_only", outcome.currentOnly().stream().map(ComparisonReport::keyJson).toList());
    return root;
  }

  /** JUnit XML: one test case per pair, failed when a metric regressed. */
  public static String junit(Outcome outcome) {
    List<JunitXml.TestCase> cases = new ArrayList<>();
    for (PairOutcome pair : outcome.pairs()) {
      List<String> regressed = pair.metrics().stream()
          .filter(m -> m.comparison().verdict() == io.concbench.stats.Verdict.REGRESSED)
          .map(m -> Units.format("%s %.3fx (p=%.4f)", m.metric().label(), m.comparison().ratio(),
              m.comparison().pValue()))
          .toList();
      double seconds = pair.metrics().stream().filter(m -> m.metric() == Metric.WALL_MS)
          .mapToDouble(m -> m.comparison().currentMedian() / 1000).findFirst().orElse(0);
      cases.add(new JunitXml.TestCase("concbench.compare." + pair.key().workload(), pair.key().label(), seconds,
          regressed.isEmpty() ? null : "regressed: " + String.join(", ", regressed),
          regressed.isEmpty() ? null : String.join("\n", regressed)));
    }
    return JunitXml.render("concbench compare", cases);
  }

  /** Lines naming results that only one report has. */
  public static List<String> unpaired(Outcome outcome) {
    List<String> lines = new ArrayList<>();
    outcome.baselineOnly().forEach(k -> lines.add("only in the baseline: " + k.label()));
    outcome.currentOnly().forEach(k -> lines.add("only in the current report: " + k.label()));
    return lines;
  }

  private static Map<String, Object> keyJson(ReportComparison.Key key) {
    Map<String, Object> entry = new java.util.LinkedHashMap<>();
    entry.put("workload", key.workload());
    entry.put("executor", key.executor());
    entry.put("workers", key.workers());
    entry.put("tasks", key.tasks());
    entry.put("params", key.params());
    entry.put("guard", key.guard());
    if (key.offeredPerS() != null) {
      entry.put("offered_per_s", key.offeredPerS()); // rate runs only: closed runs' output is as it was
    }
    return entry;
  }

  private static String summary(Outcome outcome, ComparisonRule rule) {
    return Units.format("%d regressed, %d improved, %d compared (threshold %.1f%%, alpha %s, at least %d runs)",
        outcome.regressions(), outcome.improvements(), outcome.pairs().size(), rule.threshold() * 100,
        Double.toString(rule.alpha()), rule.minSamples());
  }

  /**
   * The columns say what they hold: the medians of the per-run samples, and the Hodges–Lehmann ratio the
   * verdict judges, which is not the ratio of those medians ("666 ms -> 499 ms" beside 0.967x read as a
   * mistake when both were headed plainly "baseline", "current", "ratio").
   */
  private static String[] header(ComparisonRule rule) {
    return new String[] {"result", "metric", "verdict", "baseline median", "current median", "HL ratio",
        Units.format("%.0f%% CI", rule.confidence() * 100), "p"};
  }

  /** What the columns hold, below the table: the ratio, and the one metric whose figure the run table shows otherwise. */
  static List<String> legend(Outcome outcome, ComparisonRule rule) {
    List<String> lines = new ArrayList<>();
    if (outcome.pairs().stream().allMatch(p -> p.metrics().isEmpty())) {
      return lines;
    }
    lines.add(Units.format("HL ratio: current/baseline as the verdict judges it (Hodges-Lehmann: the median of all "
        + "run-to-run ratios, with its %.0f%% CI), not the ratio of the medians", rule.confidence() * 100));
    boolean p99 = outcome.pairs().stream().flatMap(p -> p.metrics().stream())
        .anyMatch(m -> m.metric() == Metric.LATENCY_P99_US);
    if (p99) {
      lines.add("p99 per run: the median over the runs of each run's p99 task time (the run table's p99 task "
          + "pools all runs' tasks)");
    }
    return lines;
  }

  private static String[] row(String label, MetricOutcome m) {
    SampleComparison c = m.comparison();
    return new String[] {
        label,
        m.metric().label(),
        c.verdict().label(),
        value(m.metric(), c.baselineMedian()),
        value(m.metric(), c.currentMedian()),
        Units.format("%.3fx", c.ratio()),
        Units.format("%.3fx-%.3fx", c.ratioCiLow(), c.ratioCiHigh()),
        c.pValue() == null ? "n/a" : Units.format("%.4f", c.pValue())};
  }

  private static String value(Metric metric, double v) {
    return switch (metric) {
      case WALL_MS, CPU_MS -> Units.millis(v);
      case LATENCY_P99_US -> Units.micros(v);
      case THROUGHPUT_PER_S -> Units.rate(v);
      case EFFICIENCY_VS_CAPACITY, EFFICIENCY_VS_BOUND -> Units.format("%.3f", v);
    };
  }
}
