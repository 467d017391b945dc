package io.concbench.advise;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.advise.AdviceWriter.Evidence;
import io.concbench.result.Advice;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdviceWriterTest {

  private static final Candidate SINGLE = new Candidate("single", 1, 0, null, "reference");
  private static final Candidate POOL_2 = new Candidate("thread-pool", 2, 0, null, "cpu");
  private static final Candidate POOL_4 = new Candidate("thread-pool", 4, 0, null, "more");
  private static final Candidate PROCESSES = new Candidate("process-pool", 2, 1, null, "processes");

  private static Calibration cpu() {
    return new Calibration(80, 0.99, 1.95, 2, 16, 1500.0, 0.6, false, true, false, 10_000);
  }

  private static SuccessiveHalving measured(double[] single, double[] pool2, double[] pool4, double[] processes) {
    SuccessiveHalving h = new SuccessiveHalving(List.of(SINGLE, POOL_2, POOL_4, PROCESSES), 8, 2);
    for (int i = 0; i < pool2.length; i++) {
      h.record(SINGLE, single[i]);
      h.record(POOL_2, pool2[i]);
      h.record(POOL_4, pool4[i]);
      h.record(PROCESSES, processes[i]);
    }
    h.prune();
    return h;
  }

  @Test
  void theSentenceGivesTheSpeedupItsIntervalTheEfficiencyAndTheCrossovers() {
    SuccessiveHalving h = measured(new double[] {1, 1, 1, 1, 1}, new double[] {1.9, 1.95, 1.92, 1.9, 1.93},
        new double[] {1.5, 1.55, 1.52, 1.5, 1.48}, new double[] {1.6, 1.62, 1.58, 1.6, 1.61});

    Advice advice = AdviceWriter.write(new AdviceWriter.Inputs("cpu", cpu(), false, h,
        List.of(new CandidateRules.NotTried(new Candidate("fork", 2, 0, null, "x"), "a JVM per task")),
        Map.of(POOL_2, new Evidence(0.98, "capacity", null)), 12_000, 120_000, true, false));

    assertThat(advice.recommendation()).startsWith("run cpu on thread-pool with 2 workers: 1.92x [")
        .contains("over one thread", "0.98 of the 1.95 cores the machine gave");
    assertThat(advice.picked().status()).isEqualTo("picked");
    assertThat(advice.runnerUp().executor()).isEqualTo("process-pool");
    assertThat(advice.candidates()).extracting(Advice.AdviceCandidate::status)
        .containsExactly("dropped", "picked", "dropped", "runner-up", "not-tried");
    assertThat(advice.crossovers().processPoolMinTaskMs()).isGreaterThan(0.6);
    // Two worker counts beyond one: the USL was fitted, and 4 workers fell below 2.
    assertThat(advice.crossovers().uslKappa()).isGreaterThan(0);
    assertThat(advice.crossovers().workersBeyondNoHelp()).isBetween(1, 4);
    assertThat(advice.gilModel()).startsWith("under a GIL (CPython): processes").contains("not a measurement");
  }

  @Test
  void whenOneThreadWinsItSaysNoParallelExecutorPays() {
    Calibration tiny = new Calibration(0.0002, 1, 2, 2, 100_000, 300.0, 1.0, false, true, false, 10_000);
    SuccessiveHalving h = new SuccessiveHalving(List.of(SINGLE, POOL_2), 8, 2);
    for (double s : new double[] {0.3, 0.35, 0.32}) {
      h.record(SINGLE, 1);
      h.record(POOL_2, s);
    }
    h.prune();

    Advice advice = AdviceWriter.write(new AdviceWriter.Inputs("tiny", tiny, false, h, List.of(), Map.of(), 1000,
        120_000, true, false));

    assertThat(advice.recommendation()).contains("on one thread: no parallel executor pays for tasks of 200 ns",
        "a process pool pays only for tasks above 2.0 ms",
        // Which chunking would pay: chunks that make the dispatch small, on runs that repay the pool's start.
        "or with chunks of >= 100000 tasks (dispatch under 5 % of their work) for runs above 600.0 ms of one "
            + "thread's work (its start, 300.0 ms, is paid once); this run is 20.0 ms");
    assertThat(advice.crossovers().processPoolMinRunMs()).isEqualTo(600.0);
    assertThat(advice.gilModel()).contains("one process, no pool");
  }

  @Test
  void anInterruptedAdviceSaysSo() {
    SuccessiveHalving h = measured(new double[] {1}, new double[] {1.9}, new double[] {1.8}, new double[] {1.5});

    Advice advice = AdviceWriter.write(new AdviceWriter.Inputs("cpu", cpu(), false, h, List.of(), Map.of(), 5000,
        120_000, false, false));

    assertThat(advice.complete()).isFalse();
    assertThat(advice.recommendation()).startsWith("interrupted, from what was measured: ");
  }

  @Test
  void oneCoreOfCapacityUnderAGilIsOneProcess() {
    Calibration busy = new Calibration(80, 1, 1.2, 2, 16, 300.0, 0.6, false, true, false, 10_000);

    assertThat(GilModel.advice(busy)).startsWith("under a GIL (CPython): one process: the machine gives about one "
        + "core now (capacity 1.20)");
  }

  @Test
  void waitingWorkUnderAGilStillGetsThreads() {
    Calibration io = new Calibration(100, 0.001, 1.9, 2, 1000, null, null, false, false, false, 10_000);

    assertThat(GilModel.advice(io)).startsWith("under a GIL (CPython): threads, about as many as tasks (1000)")
        .endsWith("not a measurement)");
  }

  @Test
  void onABusyMachineTheAdviceSaysWhatCapacityItAssumed() {
    Calibration busy = new Calibration(80, 1, 1.08, 2, 16, 300.0, 0.6, false, true, false, 10_000);
    SuccessiveHalving h = new SuccessiveHalving(List.of(SINGLE, POOL_2), 8, 2);
    for (double s : new double[] {1.05, 1.04, 1.06}) {
      h.record(SINGLE, 1);
      h.record(POOL_2, s);
    }

    Advice advice = AdviceWriter.write(new AdviceWriter.Inputs("cpu", busy, false, h, List.of(), Map.of(), 1000,
        120_000, true, false));

    assertThat(busy.busy()).isTrue();
    assertThat(cpu().busy()).isFalse();
    assertThat(advice.recommendation()).contains("this assumes the capacity the probe found: 1.08 of 2 cores "
        + "(the machine is busy)", "re-run advise");
    // Work that only waits (io) overlaps its waits whatever the cores: no such note.
    Calibration io = new Calibration(100, 0.02, 1.08, 2, 16, null, null, false, false, false, 10_000);
    Advice waits = AdviceWriter.write(new AdviceWriter.Inputs("io", io, false, h, List.of(), Map.of(), 1000,
        120_000, true, false));
    assertThat(waits.recommendation()).doesNotContain("the machine is busy");
  }

  @Test
  void anAdviceStoppedForTimeSaysSo() {
    SuccessiveHalving h = measured(new double[] {1}, new double[] {1.9}, new double[] {1.8}, new double[] {1.5});

    Advice advice = AdviceWriter.write(new AdviceWriter.Inputs("cpu", cpu(), false, h, List.of(), Map.of(), 5000,
        6000, true, true));

    assertThat(advice.complete()).isTrue();
    assertThat(advice.stoppedForTime()).isTrue();
    assertThat(advice.recommendation()).startsWith("stopped for time (--max-time), from the rounds that fitted: "
        + "run cpu on thread-pool with 2 workers");
  }

  @Test
  void stoppedForTimeItSaysHowLongTheNextRoundWouldHaveTakenAndWhatMaxTimeWouldDo() {
    SuccessiveHalving measured = measured(new double[] {1}, new double[] {1.9}, new double[] {1.8},
        new double[] {1.5});
    SuccessiveHalving none = new SuccessiveHalving(List.of(SINGLE, POOL_2), 8, 2);

    Advice some = AdviceWriter.write(new AdviceWriter.Inputs("cpu", cpu(), false, measured, List.of(), Map.of(),
        25_000, 30_000, true, true, 6_000));
    Advice nothing = AdviceWriter.write(new AdviceWriter.Inputs("cpu", cpu(), false, none, List.of(), Map.of(),
        19_500, 30_000, true, true, 12_300));

    assertThat(some.recommendation()).startsWith("stopped for time (--max-time: the next round, about 6.00 s, "
        + "would have ended past it with 5.00 s left), from the rounds that fitted: run cpu on");
    // 19.5 s so far and three rounds of 12.3 s: 56.4 s, rounded up to 60 s.
    assertThat(nothing.recommendation()).isEqualTo("stopped for time before any candidate was measured: the next "
        + "round, about 12.30 s, would have ended past it with 10.50 s left: no advice; give --max-time 60s or more");
    assertThat(nothing.picked()).isNull();
  }
}
