package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Warnings as stderr shows them (issue 19: the README's counter example printed 17 lines, and a sweep of
 * sleep-ms=5,10 printed two warnings that did not say which value each was about).
 */
class WarningLinesTest {

  private static Result io(String executor, int workers, int sleepMs, List<String> rules, List<String> warnings) {
    return ResultBuilder.result().workload("io").executor(executor).workers(workers)
        .params(Map.of("sleep-ms", sleepMs)).build().withWarnings(warnings, rules);
  }

  private static final String WIDE_5 = "the 99.9% confidence interval of the mean is ±12.0% wide: raise --runs";
  private static final String WIDE_10 = "the 99.9% confidence interval of the mean is ±40.0% wide: raise --runs";
  private static final String COARSE = "process CPU time is counted in 10 ms ticks";

  @Test
  void eachWarningNamesTheValueOfASweptParameter() {
    List<Result> sweep = List.of(
        io("thread-pool", 2, 5, List.of("wide-interval"), List.of(WIDE_5)),
        io("thread-pool", 2, 10, List.of("wide-interval"), List.of(WIDE_10)));

    assertThat(WarningLines.all(sweep)).containsExactly(
        "io sleep-ms=5 on thread-pool (workers 2): " + WIDE_5,
        "io sleep-ms=10 on thread-pool (workers 2): " + WIDE_10);
  }

  @Test
  void theFullListSaysARepeatedTextOnceWithEveryCase() {
    List<Result> results = List.of(
        io("single", 1, 5, List.of("coarse-cpu-time"), List.of(COARSE)),
        io("single", 1, 10, List.of("coarse-cpu-time"), List.of(COARSE)),
        io("thread-pool", 2, 5, List.of("coarse-cpu-time"), List.of(COARSE)),
        io("thread-pool", 2, 10, List.of("coarse-cpu-time"), List.of(COARSE)));

    assertThat(WarningLines.all(results)).containsExactly("io sleep-ms=5 on single; io sleep-ms=10 on single; "
        + "io sleep-ms=5 on thread-pool (workers 2); io sleep-ms=10 on thread-pool (workers 2): " + COARSE);
  }

  @Test
  void theSummaryHasOneLinePerRuleAndSaysWhatItLeftOut() {
    List<Result> results = List.of(
        io("single", 1, 5, List.of("wide-interval", "coarse-cpu-time"), List.of(WIDE_5, COARSE)),
        io("single", 1, 10, List.of("coarse-cpu-time"), List.of(COARSE)),
        io("thread-pool", 2, 5, List.of("wide-interval", "coarse-cpu-time"), List.of(WIDE_10, COARSE)),
        io("thread-pool", 2, 10, List.of("coarse-cpu-time"), List.of(COARSE)));

    assertThat(WarningLines.summary(results)).containsExactly(
        "io sleep-ms=5 on single: " + WIDE_5 + " (also 1 more case, with figures of their own: io sleep-ms=5 on "
            + "thread-pool (workers 2))",
        "io sleep-ms=5 on single; io sleep-ms=10 on single; io sleep-ms=5 on thread-pool (workers 2) and 1 more: "
            + COARSE,
        "6 warnings on 4 results in all: --verbose prints each with its cases, and the JSON report has them per "
            + "result (warnings, warning_rules)");
  }

  @Test
  void aSummaryThatLeftNothingOutSaysNothingMore() {
    List<Result> results = List.of(io("single", 1, 5, List.of("wide-interval"), List.of(WIDE_5)));

    assertThat(WarningLines.summary(results)).containsExactly("io on single: " + WIDE_5);
  }

  @Test
  void warningsOfAnOlderReportWithoutRulesAreGroupedByTheirText() {
    List<Result> results = List.of(
        ResultBuilder.result().executor("single").workers(1).build().withWarnings(List.of(WIDE_5, COARSE)),
        ResultBuilder.result().build().withWarnings(List.of(WIDE_10, COARSE)));

    assertThat(WarningLines.summary(results)).containsExactly(
        "cpu on single: " + WIDE_5,
        "cpu on single; cpu on thread-pool (workers 2): " + COARSE,
        "cpu on thread-pool (workers 2): " + WIDE_10);
  }

  @Test
  void guardsChunksAndDifferingTasksArePartOfTheCase() {
    Result guarded = ResultBuilder.result().executor("lock").guard("atomic").build();
    Result chunked = ResultBuilder.result().executor("process-pool").chunksize(4).tasks(32).build();
    List<Result> both = List.of(guarded, chunked);

    assertThat(WarningLines.label(guarded, both)).isEqualTo("cpu on lock (workers 2, tasks 16, guard atomic)");
    assertThat(WarningLines.label(chunked, both)).isEqualTo("cpu on process-pool (workers 2, tasks 32, chunksize 4)");
  }

  @Test
  void aRateRunsCaseSaysItsRateSoTheCasesOfAMatrixOfRatesStayApart() {
    Result fifty = io.concbench.stats.RateKneesTest.point("thread-pool", 50, 1000, 2000);
    Result hundred = ResultBuilder.from(fifty).build()
        .withRate(io.concbench.stats.RateKneesTest.point("thread-pool", 100, 1000, 2000).rate());

    assertThat(WarningLines.label(fifty, List.of(fifty, hundred))).isEqualTo("io on thread-pool (workers 10, at 50/s)");
    assertThat(WarningLines.label(hundred, List.of(fifty, hundred)))
        .isEqualTo("io on thread-pool (workers 10, at 100/s)");
  }
}
