package io.concbench.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.CapacitySummary;
import io.concbench.result.LatencySummary;
import io.concbench.result.MedianInterval;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import io.concbench.stats.Summaries;
import io.concbench.system.BackgroundLoad;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that read what the machine gave the runs: CPU time, cores, capacity, other processes. */
class MachineRulesTest {

  /** Two processors, three runs asked for, an executor whose --workers sets its threads, no baseline. */
  private static final WarningContext CONTEXT = new WarningContext(2, 3, true, 0);

  @Test
  void cpuTimeOfRunsUnder200MillisecondsIsRough() {
    CoarseCpuTime rule = new CoarseCpuTime();
    Result brief = ResultBuilder.result().wall(150, 150, 150).build();

    assertThat(rule.appliesTo(brief, CONTEXT)).isTrue();
    assertThat(rule.message(brief, CONTEXT)).isEqualTo("process CPU time is counted in 10 ms ticks, so on runs "
        + "under 200 ms cpu_ms and cores_used are rough: raise --tasks for a precise figure");
    assertThat(rule.appliesTo(ResultBuilder.result().wall(200, 200, 200).build(), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().wall(150, 150, 150).cpu(null, 0).build(), CONTEXT))
        .as("no CPU time").isFalse();
  }

  @Test
  void moreWorkersThanProcessorsIsNamedForWorkThatComputes() {
    MoreWorkersThanProcessors rule = new MoreWorkersThanProcessors();
    Result four = ResultBuilder.result().workers(4).build(); // 1.99 cores busy

    assertThat(rule.appliesTo(four, CONTEXT)).isTrue();
    assertThat(rule.message(four, CONTEXT))
        .isEqualTo("4 workers on 2 available processors: workers wait for a core, so speedup cannot reach 4");
    assertThat(rule.appliesTo(ResultBuilder.result().workers(2).build(), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(four, new WarningContext(2, 3, false, 0))).as("--workers does not apply").isFalse();
    Result sleeping = ResultBuilder.result().workers(4).cpu(Summaries.of(new double[] {40, 41, 42}), 0.1).build();
    assertThat(rule.appliesTo(sleeping, CONTEXT)).isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().workers(4).cpu(null, 0).build(), CONTEXT))
        .as("CPU time unknown: as if it computed").isTrue();
  }

  @Test
  void moreWorkersThanTasksIsNamedWithWhatToPass() {
    MoreWorkersThanTasks rule = new MoreWorkersThanTasks();
    Result one = ResultBuilder.result().workers(2).tasks(1).build();

    assertThat(rule.appliesTo(one, CONTEXT)).isTrue();
    assertThat(rule.message(one, CONTEXT)).isEqualTo("2 workers for 1 task: 1 had nothing to do, so efficiency "
        + "(speedup / workers) understates the executor; pass --workers 1 or fewer, or --tasks 2 or more");
    assertThat(rule.appliesTo(ResultBuilder.result().workers(2).tasks(2).build(), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(one, new WarningContext(2, 3, false, 0))).as("--workers does not apply").isFalse();
  }

  @Test
  void aCapacityUnderFourFifthsOfTheCoresAskedForIsNamed() {
    LowCapacity rule = new LowCapacity();
    Result low = probed(1.04);

    assertThat(rule.appliesTo(low, CONTEXT)).isTrue();
    assertThat(rule.message(low, CONTEXT)).isEqualTo("the machine delivered 1.04 of 2 cores during this run; "
        + "speedups are capped by that, not by the executor (a shared host's second core comes and goes: see "
        + "docs/capacity.md)");
    assertThat(rule.appliesTo(probed(1.6), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().build(), CONTEXT)).as("not probed").isFalse();
  }

  @Test
  void tasksFasterThanTheBaselinesAreSaidToBePartOfTheSpeedup() {
    FasterTasks rule = new FasterTasks();
    Result faster = fasterTasks(0.9);
    WarningContext fiftyMs = new WarningContext(2, 3, true, 50_000);

    assertThat(rule.appliesTo(faster, fiftyMs)).isTrue();
    assertThat(rule.message(faster, fiftyMs)).isEqualTo("its tasks took 0.90 of the baseline's time each (p50 "
        + "45.0 ms against 50.0 ms): part of its speedup (2.22x) is faster tasks, not parallelism; different "
        + "compiled code (a --jvm-arg, --java) or a baseline slowed by the machine");
    assertThat(rule.appliesTo(fasterTasks(0.96), fiftyMs)).isFalse();
    assertThat(rule.appliesTo(faster, new WarningContext(2, 3, true, 999))).as("tasks under 1 ms").isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().build(), fiftyMs)).as("no baseline").isFalse();
  }

  @Test
  void otherProcessesThatCrowdedTheRunsAreNamed() {
    BusyBackground rule = new BusyBackground();
    Result busy = withLoad(new BackgroundLoad(5000, 2, 0.86, 0.0, List.of(
        new BackgroundLoad.BusyProcess(4242, "bash", 0.85, false), new BackgroundLoad.BusyProcess(7, "make", 0.01,
            true))));

    assertThat(rule.appliesTo(busy, CONTEXT)).isTrue();
    assertThat(rule.message(busy, CONTEXT)).isEqualTo("other processes used 0.86 cores during these runs (busiest: "
        + "bash, pid 4242, 0.85 cores; make, pid 7, 0.01 cores): they compete for the cores, so times and speedups "
        + "include them; efficiency against capacity allows for them as far as the capacity probe sees them "
        + "(docs/capacity.md): stop them or measure on a quieter machine");
    assertThat(rule.appliesTo(withLoad(new BackgroundLoad(5000, 2, 0.19, 0.0, List.of())), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(withLoad(new BackgroundLoad(5000, 8, 1.0, 0.0, List.of())), CONTEXT))
        .as("room on eight CPUs").isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().build(), CONTEXT)).as("not measured").isFalse();
  }

  @Test
  void aCompetitorInConcbenchsOwnSessionIsSaidToMakeTheEfficiencyReadLow() {
    Result busy = withLoad(new BackgroundLoad(5000, 2, 0.88, 0.0, List.of(
        new BackgroundLoad.BusyProcess(4242, "bash", 0.87, true), new BackgroundLoad.BusyProcess(77, "kdamond.0",
            0.01, true))));

    // kdamond's hundredth of a core is named as busy, but too small to be the competitor meant.
    assertThat(new BusyBackground().message(busy, CONTEXT)).isEqualTo("other processes used 0.88 cores during "
        + "these runs (busiest: bash, pid 4242, 0.87 cores; kdamond.0, pid 77, 0.01 cores): they compete for the "
        + "cores, so times and speedups include them; bash runs in concbench's own session, where the scheduler "
        + "shares the cores thread by thread and the capacity probe over-reads what the runs got, so efficiency "
        + "against capacity reads low (docs/capacity.md): stop them or measure on a quieter machine");
  }

  @Test
  void withoutTheCpuTimeTheRunIsTakenToNeedEveryWorkersCore() {
    BusyBackground rule = new BusyBackground();
    BackgroundLoad half = new BackgroundLoad(5000, 2, 0.5, 0.0, List.of());
    Result idle = ResultBuilder.result().cpu(Summaries.of(new double[] {40, 41, 42}), 0.1).backgroundLoad(half)
        .build();

    assertThat(rule.appliesTo(idle, CONTEXT)).isFalse(); // 0.5 + 0.1 of 2 CPUs
    assertThat(rule.appliesTo(ResultBuilder.from(idle).cpu(null, 0).build(), CONTEXT)).isTrue(); // 0.5 + 2
  }

  @Test
  void aWideIntervalOfTheEfficiencyAgainstCapacityIsNamed() {
    UncertainEfficiency rule = new UncertainEfficiency();
    Result wide = withEfficiencyInterval(new MedianInterval(0.8, 2.0, 0.9375));

    assertThat(rule.appliesTo(wide, CONTEXT)).isTrue();
    assertThat(rule.message(wide, CONTEXT)).isEqualTo("efficiency against capacity 1.00 is uncertain: over 5 "
        + "rounds its median lies between 0.80 and 2.00 (93.8% confidence); on a shared host the capacity can "
        + "change within a round, so that its probe and its runs see different moments (docs/capacity.md): "
        + "raise --runs");
    assertThat(rule.appliesTo(withEfficiencyInterval(new MedianInterval(0.9, 1.2, 0.9375)), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().build(), CONTEXT)).as("no interval").isFalse();
  }

  private static Result probed(double capacity) {
    return ResultBuilder.result()
        .capacity(new CapacitySummary(capacity, capacity, capacity, List.of(capacity), "threads", 2), null).build();
  }

  /** Two workers at 2.22x over single, its tasks {@code ratio} of the baseline's 50 ms each. */
  private static Result fasterTasks(double ratio) {
    double p50Us = 50_000 * ratio;
    return ResultBuilder.result().speedup("single", 2.22).taskTimeVsBaseline(ratio)
        .latency(new LatencySummary(p50Us, p50Us, p50Us, p50Us, p50Us, 48, List.of())).build();
  }

  private static Result withLoad(BackgroundLoad load) {
    return ResultBuilder.result().backgroundLoad(load).build();
  }

  private static Result withEfficiencyInterval(MedianInterval interval) {
    CapacitySummary probe = new CapacitySummary(2.0, 1.0, 2.5, List.of(2.0, 1.0, 2.5, 1.6, 2.0), "threads", 2);
    return ResultBuilder.result().wall(400, 400, 400, 400, 400)
        .capacity(new Result.Capacity(probe, 1.0, interval, null, null, null, null)).build();
  }
}
