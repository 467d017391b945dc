package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.api.ParamValues;
import io.concbench.engine.BenchmarkCase;
import io.concbench.executor.ExecutorSettings;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.workload.WorkloadRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The progress line's elapsed and remaining times and the long-run warning, on a clock that moves only
 * when the test says (issue 19: a run of hours said only "[1/12] ... warm-up 1 of 1").
 */
class ProgressEstimateTest {

  /** A clock in nanoseconds that the test advances. */
  private static final class FakeClock implements io.concbench.engine.Clock {
    long now;

    @Override
    public long nanoTime() {
      return now;
    }

    void advanceSeconds(long seconds) {
      now += TimeUnit.SECONDS.toNanos(seconds);
    }
  }

  private static final BenchmarkCase CASE = new BenchmarkCase(WorkloadRegistry.find("cpu").orElseThrow(),
      ParamValues.resolve(WorkloadRegistry.find("cpu").orElseThrow(), Map.of("n", "1000")), 16,
      ExecutorRegistry.find("single").orElseThrow(), 1, null, new ExecutorSettings(1, 5_000_000));

  private final FakeClock clock = new FakeClock();
  private final RunEstimate estimate = new RunEstimate(clock);

  @Test
  void noEstimateBeforeARunHasFinishedThenTheMeanRunTimesTheRunsLeft() {
    clock.advanceSeconds(2); // binding and the kernels' JIT warm-up
    estimate.runStarting(CASE, true, 1, 1, 1, 12);

    assertThat(estimate.remainingNanos()).isEmpty();
    assertThat(estimate.elapsedNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(2));

    clock.advanceSeconds(10);
    estimate.runStarting(CASE, true, 1, 1, 2, 12);
    clock.advanceSeconds(30);
    estimate.runStarting(CASE, false, 1, 5, 3, 12);

    // 40 s for 2 runs: 20 s a run, 10 runs left (the third included).
    assertThat(estimate.remainingNanos()).hasValue(TimeUnit.SECONDS.toNanos(200));
    clock.advanceSeconds(5);
    assertThat(estimate.remainingNanos()).as("the current run's time so far counts down")
        .hasValue(TimeUnit.SECONDS.toNanos(195));
    clock.advanceSeconds(500);
    assertThat(estimate.remainingNanos()).as("never below zero").hasValue(0);
    assertThat(estimate.elapsedNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(547));
  }

  @Test
  void timesReadAsAPersonWouldSayThem() {
    assertThat(RunEstimate.text(TimeUnit.MILLISECONDS.toNanos(42_900))).isEqualTo("42s");
    assertThat(RunEstimate.text(TimeUnit.SECONDS.toNanos(185))).isEqualTo("3m 05s");
    assertThat(RunEstimate.text(TimeUnit.SECONDS.toNanos(2 * 3600 + 14 * 60 + 59))).isEqualTo("2h 14m");
  }

  @Test
  void theLineShowsElapsedAndLeftAndIsRedrawnAsTimePasses() {
    StringWriter err = new StringWriter();
    TerminalProgress line = new TerminalProgress(new PrintWriter(err), estimate);
    estimate.runStarting(CASE, true, 1, 1, 1, 4);
    line.runStarting(CASE, true, 1, 1, 1, 4);
    clock.advanceSeconds(90);
    estimate.runStarting(CASE, false, 1, 3, 2, 4);
    line.runStarting(CASE, false, 1, 3, 2, 4);
    clock.advanceSeconds(30);
    line.refresh();

    assertThat(err.toString().split("\r")).extracting(String::strip).containsSubsequence(
        "[1/4] cpu n=1000 on single: warm-up 1 of 1 (0s elapsed)",
        "[2/4] cpu n=1000 on single: run 1 of 3 (1m 30s elapsed, about 4m 30s left)",
        "[2/4] cpu n=1000 on single: run 1 of 3 (2m 00s elapsed, about 4m 00s left)");
  }

  @Test
  void aRunEstimatedOverAnHourIsWarnedOnceWhenTheWarmupEnds() {
    StringWriter err = new StringWriter();
    int[] cleared = {0};
    LongRunWarning warning = new LongRunWarning(estimate, new PrintWriter(err), () -> cleared[0]++);
    int steps = 2 * (1 + 5); // two cases, one warm-up and five measured runs each
    int step = 0;
    for (int w = 0; w < 2; w++) {
      step++;
      estimate.runStarting(CASE, true, 1, 1, step, steps);
      warning.runStarting(CASE, true, 1, 1, step, steps);
      clock.advanceSeconds(20 * 60); // twenty minutes a run
    }
    assertThat(err.toString()).as("not during the warm-up").isEmpty();
    for (int r = 1; r <= 5; r++) {
      for (int c = 0; c < 2; c++) {
        step++;
        estimate.runStarting(CASE, false, r, 5, step, steps);
        warning.runStarting(CASE, false, r, 5, step, steps);
      }
    }

    assertThat(err.toString()).isEqualTo("warning: about 3h 20m still to run, estimated from the 2 run(s) so "
        + "far: fewer --runs, --tasks or less work per task (--param) would be shorter; Ctrl-C stops it and "
        + "keeps the finished results" + System.lineSeparator());
    assertThat(cleared[0]).as("the progress line cleared first").isEqualTo(1);
  }

  @Test
  void aRunUnderAnHourIsNotWarned() {
    StringWriter err = new StringWriter();
    LongRunWarning warning = new LongRunWarning(estimate, new PrintWriter(err), () -> {});
    for (int step = 1; step <= 6; step++) {
      estimate.runStarting(CASE, false, step, 6, step, 6);
      warning.runStarting(CASE, false, step, 6, step, 6);
      clock.advanceSeconds(11 * 60); // 66 minutes in all, but the estimate at run 2 is 55
    }

    assertThat(err.toString()).isEmpty();
  }

  @Test
  void withoutWarmupTheSecondRunDecides() {
    StringWriter err = new StringWriter();
    LongRunWarning warning = new LongRunWarning(estimate, new PrintWriter(err), () -> {});
    estimate.runStarting(CASE, false, 1, 5, 1, 5);
    warning.runStarting(CASE, false, 1, 5, 1, 5);
    clock.advanceSeconds(16 * 60);
    estimate.runStarting(CASE, false, 2, 5, 2, 5);
    warning.runStarting(CASE, false, 2, 5, 2, 5);

    assertThat(err.toString()).startsWith("warning: about 1h 04m still to run, estimated from the 1 run(s)");
  }
}
