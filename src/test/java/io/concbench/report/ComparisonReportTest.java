package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.stats.ComparisonRule;
import io.concbench.stats.Metric;
import io.concbench.stats.ReportComparison;
import io.concbench.stats.ReportComparison.MetricOutcome;
import io.concbench.stats.ReportComparison.Outcome;
import io.concbench.stats.ReportComparison.PairOutcome;
import io.concbench.stats.SampleComparison;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compare table says which figure is which: medians, the Hodges–Lehmann ratio, p99 per run. */
class ComparisonReportTest {

  private static final ComparisonRule RULE = ComparisonRule.DEFAULT;
  private static final ReportComparison.Key KEY =
      new ReportComparison.Key("cpu", "single", 1, 8, Map.of(), null, null);

  /** Medians 666 -> 499 (0.749x) while every run-to-run ratio's median is another figure: both are shown apart. */
  private static final List<Double> BASELINE = List.of(480.0, 490.0, 666.0, 700.0, 710.0);
  private static final List<Double> CURRENT = List.of(470.0, 480.0, 499.0, 690.0, 700.0);

  @Test
  void theColumnsNameTheMediansAndTheRatioTheVerdictJudges() {
    SampleComparison wall = SampleComparison.of(BASELINE, CURRENT, true, RULE);

    String table = ComparisonReport.table(outcome(new MetricOutcome(Metric.WALL_MS, wall)), RULE);

    assertThat(wall.ratio()).isNotCloseTo(wall.currentMedian() / wall.baselineMedian(),
        org.assertj.core.data.Offset.offset(0.01));
    assertThat(table.lines().findFirst().orElseThrow()).contains("baseline median", "current median", "HL ratio",
        "99% CI");
    assertThat(table).contains("666 ms", "499 ms", Units.format("%.3fx", wall.ratio()))
        .contains("HL ratio: current/baseline as the verdict judges it (Hodges-Lehmann")
        .doesNotContain("p99 per run:");
  }

  @Test
  void theP99OfEachRunIsLabelledApartFromTheRunTablesP99Task() {
    SampleComparison p99 = SampleComparison.of(BASELINE, CURRENT, true, RULE);
    Outcome outcome = outcome(new MetricOutcome(Metric.LATENCY_P99_US, p99));

    String table = ComparisonReport.table(outcome, RULE);
    String markdown = ComparisonReport.markdown(outcome, RULE);

    assertThat(table.lines().skip(1).findFirst().orElseThrow()).contains("  p99 per run  ");
    assertThat(table).contains("p99 per run: the median over the runs of each run's p99 task time");
    assertThat(markdown).contains("| baseline median | current median | HL ratio |").contains("| p99 per run |")
        .contains("p99 per run: the median over the runs");
  }

  private static Outcome outcome(MetricOutcome metric) {
    return new Outcome(List.of(new PairOutcome(KEY, List.of(metric), null, null)), List.of(), List.of(), List.of());
  }
}
