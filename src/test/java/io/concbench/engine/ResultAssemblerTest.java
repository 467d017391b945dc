package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.api.ParamValues;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.result.Result;
import io.concbench.system.BackgroundLoad;
import io.concbench.workload.WorkloadRegistry;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultAssemblerTest {

  // No measured runs asked for: no result here reads as interrupted (that test makes its own assembler).
  private final ResultAssembler assembler = new ResultAssembler(2, 1, 0);

  @Test
  void paramsAWorkloadAddedLaterAreReportedOnlyWhenSet() {
    io.concbench.api.Workload io = WorkloadRegistry.find("io").orElseThrow();
    BenchmarkCase plain = new BenchmarkCase(io, ParamValues.defaults(io), 4,
        ExecutorRegistry.find("single").orElseThrow(), 1, null, new ExecutorSettings(1, 5_000_000));
    BenchmarkCase stalling = new BenchmarkCase(io, ParamValues.resolve(io, Map.of("stall-every", "200")), 4,
        plain.executor(), 1, null, new ExecutorSettings(1, 5_000_000));

    assertThat(ResultAssembler.reportedParams(plain)).containsExactly(Map.entry("sleep-ms", 100L));
    assertThat(ResultAssembler.reportedParams(stalling))
        .containsExactly(Map.entry("sleep-ms", 100L), Map.entry("stall-every", 200L));
  }

  @Test
  void speedupEfficiencyThroughputAndCoresComeFromMedians() {
    Measurement single = measurement("single", 1, null, 800, 810, 790);
    Measurement pool = measurement("thread-pool", 2, null, 400, 420, 410);

    Result r = assembler.assemble(pool, single);

    assertThat(r.timing().wallMs().median()).isEqualTo(410.0);
    assertThat(r.comparison().speedup()).isCloseTo(800.0 / 410.0, within(1e-12));
    assertThat(r.comparison().efficiency()).isCloseTo(800.0 / 410.0 / 2, within(1e-12));
    assertThat(r.timing().throughputPerS()).isCloseTo(16 / 0.410, within(1e-9));
    assertThat(r.timing().coresUsed()).isCloseTo(2.0, within(1e-12)); // the fake CPU time is twice the wall time
    assertThat(r.comparison().baseline()).isEqualTo("single");
    assertThat(r.outcome().counter()).isNull();
    assertThat(r.timing().latencyUs().p99PerRun()).hasSize(3);
  }

  @Test
  void efficiencyVsCapacityDividesTheSpeedupByTheCapacityAndLowCapacityIsNamed() {
    Measurement single = measurement("single", 1, null, 800, 810, 790);
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    Measurement pool = withCapacity(plain, 1.0, 1.04, 1.1);

    Result r = assembler.assemble(pool, single);

    assertThat(r.capacity().probe().median()).isEqualTo(1.04);
    assertThat(r.capacity().probe().samples()).containsExactly(1.0, 1.04, 1.1);
    assertThat(r.capacity().probe().method()).isEqualTo("threads");
    // Round by round: 800/400/1.0 = 2.0, 810/420/1.04 = 1.854, 790/410/1.1 = 1.752; the median.
    assertThat(r.capacity().efficiencyVsCapacity()).isCloseTo(810.0 / 420.0 / 1.04, within(1e-12));
    assertThat(r.warnings()).anyMatch(w -> w.startsWith("the machine delivered 1.04 of 2 cores during this run"));
    assertThat(assembler.assemble(plain, single).capacity().probe()).isNull();
    assertThat(assembler.assemble(plain, single).capacity().efficiencyVsCapacity()).isNull();
  }

  @Test
  void aBusyBackgroundIsCarriedAndNamedInAWarningAndAQuietOneIsOnlyCarried() {
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    BackgroundLoad busy = new BackgroundLoad(5000, 2, 0.86, 0.0, List.of(
        new BackgroundLoad.BusyProcess(4242, "bash", 0.85, false), new BackgroundLoad.BusyProcess(7, "make", 0.01, true)));
    BackgroundLoad quiet = new BackgroundLoad(5000, 2, 0.19, 0.0, List.of());

    Result r = assembler.assemble(withBackground(plain, busy), null);

    assertThat(r.backgroundLoad()).isEqualTo(busy);
    assertThat(r.warnings()).contains("other processes used 0.86 cores during these runs (busiest: bash, pid 4242, "
        + "0.85 cores; make, pid 7, 0.01 cores): they compete for the cores, so times and speedups include them; "
        + "efficiency against capacity allows for them as far as the capacity probe sees them (docs/capacity.md): "
        + "stop them or measure on a quieter machine");
    Result calm = assembler.assemble(withBackground(plain, quiet), null);
    assertThat(calm.backgroundLoad().otherCores()).isEqualTo(0.19);
    assertThat(calm.warnings()).noneMatch(w -> w.startsWith("other processes"));
    // On eight CPUs a competitor on one leaves the two this pool needs: no warning, the figure stays.
    BackgroundLoad roomy = new BackgroundLoad(5000, 8, 1.0, 0.0, busy.busiest());
    assertThat(assembler.assemble(withBackground(plain, roomy), null).warnings())
        .noneMatch(w -> w.startsWith("other processes"));
    BackgroundLoad unknownTotal = new BackgroundLoad(5000, 2, null, null, busy.busiest());
    assertThat(assembler.assemble(withBackground(plain, unknownTotal), null).warnings())
        .noneMatch(w -> w.startsWith("other processes"));
    assertThat(assembler.assemble(plain, null).backgroundLoad()).isNull();
  }

  @Test
  void aCompetitorInConcbenchsOwnSessionIsSaidToMakeTheEfficiencyAgainstCapacityReadLow() {
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    BackgroundLoad busy = new BackgroundLoad(5000, 2, 0.88, 0.0, List.of(
        new BackgroundLoad.BusyProcess(4242, "bash", 0.87, true), new BackgroundLoad.BusyProcess(77, "kdamond.0",
            0.01, true)));

    Result r = assembler.assemble(withBackground(plain, busy), null);

    // kdamond's hundredth of a core is named as busy, but too small to be the competitor meant.
    assertThat(r.warnings()).contains("other processes used 0.88 cores during these runs (busiest: bash, pid 4242, "
        + "0.87 cores; kdamond.0, pid 77, 0.01 cores): they compete for the cores, so times and speedups include "
        + "them; bash runs in concbench's own session, where the scheduler shares the cores thread by thread and "
        + "the capacity probe over-reads what the runs got, so efficiency against capacity reads low "
        + "(docs/capacity.md): stop them or measure on a quieter machine");
  }

  /** The measurement with one capacity probe figure per round (threads, k = 2). */
  private static Measurement withCapacity(Measurement m, Double... capacity) {
    return new Measurement(m.benchmarkCase(), m.runs(), m.latencyNanos(), List.of(capacity), "threads", 2, null);
  }

  private static Measurement withBackground(Measurement m, BackgroundLoad load) {
    return new Measurement(m.benchmarkCase(), m.runs(), m.latencyNanos(), m.capacity(), m.capacityMethod(),
        m.capacityK(), load);
  }

  @Test
  void tasksFasterThanTheBaselinesAreSaidToBePartOfTheSpeedup() {
    Measurement single = measurement("single", 1, null, 800, 810, 790);
    // 2 workers, 16 tasks of 45 ms each: 0.9 of single's 50 ms tasks, so 2.22x on two workers.
    Measurement faster = measurement("process-pool", 2, null, 360, 360, 360);
    Measurement even = measurement("thread-pool", 2, null, 400, 420, 410);

    Result r = assembler.assemble(faster, single);

    assertThat(r.comparison().taskTimeVsBaseline()).isCloseTo(45.0 / 50.0, within(1e-3));
    assertThat(r.warnings()).contains("its tasks took 0.90 of the baseline's time each (p50 45.0 ms against 50.0 ms): "
        + "part of its speedup (2.22x) is faster tasks, not parallelism; different compiled code (a --jvm-arg, "
        + "--java) or a baseline slowed by the machine");
    Result steady = assembler.assemble(even, single);
    assertThat(steady.comparison().taskTimeVsBaseline()).isCloseTo(51.25 / 50.0, within(1e-3));
    assertThat(steady.warnings()).noneMatch(w -> w.startsWith("its tasks took"));
    assertThat(assembler.assemble(even, null).comparison().taskTimeVsBaseline()).isNull();
  }

  @Test
  void peakMemoryIsSummarisedInMebibytesPerRunAndUnknownStaysNull() {
    Result r = assembler.assemble(measurement("thread-pool", 2, null, 400, 420, 410), null);

    assertThat(r.memory().rssPeakMb().samples()).containsExactly(64.0, 65.0, 66.0);
    assertThat(r.memory().workerRssPeakMb()).isNull();
  }

  @Test
  void theSpeedupBoundLetsWaitsOverlapBeyondTheCoresAndIsTheCapacityForAllCpuWork() {
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    Measurement pool = withCapacity(plain, 1.6, 1.8, 2.0);
    // The baseline computes for half of each run and waits for the other half: 0.5 cores per task in
    // flight, so the machine's 1.6-2.0 cores would carry 3.2-4 such tasks; two workers carry two.
    Measurement halfWaiting = withCpuShare(measurement("single", 1, null, 800, 840, 820), 0.5);

    Result r = assembler.assemble(pool, halfWaiting);

    assertThat(r.capacity().baselineCpuShare()).isCloseTo(0.5, within(1e-9));
    assertThat(r.capacity().speedupBound()).isEqualTo(2.0);
    // Rounds: 800/400/2 = 1.0, 840/420/2 = 1.0, 820/410/2 = 1.0; against capacity 1.25, 1.11, 1.0.
    assertThat(r.capacity().efficiencyVsBound()).isCloseTo(1.0, within(1e-12));
    assertThat(r.capacity().efficiencyVsCapacity()).isCloseTo(2.0 / 1.8, within(1e-12));
    // The fixture's work is the cpu workload, which says it computes: no bound columns, whatever a baseline
    // read (here a made-up half core).
    assertThat(r.capacity().workWaits()).isFalse();
    assertThat(r.capacity().partlyWaiting()).isFalse();

    // Nearly all CPU (0.95 of a core): rounds 1.6 / 0.95, 1.8 / 0.95 and 2.0 / 0.95 capped at 2 workers.
    Result busier = assembler.assemble(pool, withCpuShare(measurement("single", 1, null, 800, 840, 820), 0.95));
    assertThat(busier.capacity().speedupBound()).isCloseTo(1.8 / 0.95, within(1e-6));
    // All-CPU work (the fixture's baseline reads 2 cores: the JVM's own threads; a task needs one): the
    // bound is the capacity, and the efficiency against it the efficiency against capacity.
    Result allCpu = assembler.assemble(pool, measurement("single", 1, null, 800, 840, 820));
    assertThat(allCpu.capacity().speedupBound()).isCloseTo(1.8, within(1e-12));
    assertThat(allCpu.capacity().efficiencyVsBound())
        .isCloseTo(allCpu.capacity().efficiencyVsCapacity(), within(1e-12));
  }

  @Test
  void eachRoundsBoundAndEfficiencyComeFromThatRoundsCapacity() {
    // Round 1: the host gave one core and the pool got 1x; rounds 2 and 3: two cores, 1x and 2x.
    Measurement single = measurement("single", 1, null, 800, 800, 800);
    Measurement plain = measurement("thread-pool", 2, null, 800, 800, 400);
    Measurement pool = withCapacity(plain, 1.0, 2.0, 2.0);

    Result r = assembler.assemble(pool, single);

    // Paired: 1/1, 1/2, 2/2 -> median 1.0. Against the median capacity (2.0) it would be 0.5.
    assertThat(r.capacity().efficiencyVsBound()).isEqualTo(1.0);
    assertThat(r.capacity().speedupBound()).isEqualTo(2.0);
  }

  @Test
  void aProbeReadingAboveTheWorkersGivesTheWorkersAsTheBound() {
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    Measurement pool = withCapacity(plain, 2.1, 2.2, 2.15);

    Result r = assembler.assemble(pool, measurement("single", 1, null, 800, 840, 820));

    assertThat(r.capacity().speedupBound()).isEqualTo(2.0);
    assertThat(r.capacity().efficiencyVsBound()).isCloseTo(840.0 / 420 / 2, within(1e-12));
  }

  @Test
  void noBoundWithoutACapacityEnoughBaselineCpuTimeToShareAQuietHypervisorOrAOneWorkerBaseline() {
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    Measurement pool = withCapacity(plain, 1.6, 1.8, 2.0);
    Measurement single = measurement("single", 1, null, 800, 840, 820);

    assertThat(assembler.assemble(plain, single).capacity().speedupBound()).isNull();
    assertThat(assembler.assemble(pool, withCpuShare(single, -1)).capacity().speedupBound()).isNull();
    // 3 runs of 800 ms at a share of 0.08: 196 ms of CPU time, under 20 ticks of 10 ms.
    assertThat(assembler.assemble(pool, withCpuShare(measurement("single", 1, null, 800, 800, 850), 0.08))
        .capacity().speedupBound()).isNull();
    assertThat(assembler.assemble(pool, withCpuShare(measurement("single", 1, null, 850, 850, 850), 0.08))
        .capacity().speedupBound()).isEqualTo(2.0); // 204 ms
    assertThat(assembler.assemble(pool, measurement("thread-pool", 2, null, 800, 840, 820)).capacity()
        .speedupBound()).isNull();
    assertThat(assembler.assemble(pool, null).capacity().efficiencyVsBound()).isNull();
    // The hypervisor stole 10 % of the CPUs' time: the baseline's CPU clock missed it, its share reads low.
    BackgroundLoad stolen = new BackgroundLoad(5000, 2, 0.0, 0.10, List.of());
    BackgroundLoad littleStolen = new BackgroundLoad(5000, 2, 0.0, 0.04, List.of());
    assertThat(assembler.assemble(withBackground(pool, stolen), single).capacity().speedupBound()).isNull();
    assertThat(assembler.assemble(withBackground(pool, littleStolen), single).capacity().speedupBound()).isNotNull();
  }

  @Test
  void roundsThatDoNotAlignGiveTheBoundFromTheCapacitysMedian() {
    Measurement plain = measurement("thread-pool", 2, null, 400, 420, 410);
    // One capacity figure for three rounds: nothing to pair run by run.
    Measurement pool = withCapacity(plain, 1.5);

    Result r = assembler.assemble(pool, withCpuShare(measurement("single", 1, null, 800, 840, 820), 0.9));

    assertThat(r.capacity().speedupBound()).isCloseTo(1.5 / 0.9, within(1e-6));
    assertThat(r.capacity().efficiencyVsBound()).isCloseTo(r.comparison().speedup() / (1.5 / 0.9), within(1e-6));
  }

  @Test
  void efficiencyVsCapacityPairsEachRoundWithItsOwnCapacitySoDriftCancels() {
    // Round 1: the host ran both cores at half speed; round 2: the second core was gone; round 3: all was
    // well. The pool got all the machine gave in every round, but the medians come from different rounds.
    Measurement single = measurement("single", 1, null, 1600, 800, 800);
    Measurement plain = measurement("thread-pool", 2, null, 800, 800, 400);
    Measurement pool = withCapacity(plain, 2.0, 1.0, 2.0);

    Result r = assembler.assemble(pool, single);

    assertThat(r.comparison().speedup()).isEqualTo(1.0);
    assertThat(r.comparison().speedup() / r.capacity().probe().median()).isEqualTo(0.5);
    assertThat(r.capacity().efficiencyVsCapacity()).isEqualTo(1.0);
  }

  @Test
  void roundsThatDisagreeGiveAWideIntervalForTheEfficiencyAndAWarningAndSteadyOnesDoNot() {
    Measurement single = measurement("single", 1, null, 800, 800, 800, 800, 800);
    Measurement plain = measurement("thread-pool", 2, null, 400, 400, 400, 400, 400);
    // Every round's speedup is 2.0: the efficiencies are 2 / capacity.
    Measurement unsteady = withCapacity(plain, 2.0, 1.0, 2.5, 1.6, 2.0);
    Measurement steady = withCapacity(plain, 2.0, 1.9, 2.1, 2.0, 1.95);

    Result wide = assembler.assemble(unsteady, single);
    Result narrow = assembler.assemble(steady, single);

    assertThat(wide.capacity().efficiencyVsCapacity()).isEqualTo(1.0);
    assertThat(wide.capacity().efficiencyVsCapacityCi().low()).isEqualTo(0.8);
    assertThat(wide.capacity().efficiencyVsCapacityCi().high()).isEqualTo(2.0);
    assertThat(wide.capacity().efficiencyVsCapacityCi().confidence()).isEqualTo(0.9375);
    assertThat(wide.warnings()).contains("efficiency against capacity 1.00 is uncertain: over 5 rounds its "
        + "median lies between 0.80 and 2.00 (93.8% confidence); on a shared host the capacity can change "
        + "within a round, so that its probe and its runs see different moments (docs/capacity.md): raise --runs");
    assertThat(narrow.capacity().efficiencyVsCapacityCi().high() - narrow.capacity().efficiencyVsCapacityCi().low())
        .isCloseTo(2 / 1.9 - 2 / 2.1, within(1e-12));
    assertThat(narrow.warnings()).noneMatch(w -> w.startsWith("efficiency against capacity"));
    assertThat(assembler.assemble(plain, single).capacity().efficiencyVsCapacityCi()).isNull();
  }

  @Test
  void aResultOfFewerRunsThanAskedSaysItWasInterrupted() {
    Result partial = new ResultAssembler(2, 1, 5).assemble(measurement("thread-pool", 2, null, 400, 420), null);
    Result whole = new ResultAssembler(2, 1, 2).assemble(measurement("thread-pool", 2, null, 400, 420), null);

    assertThat(partial.warnings()).anyMatch(w -> w.startsWith("interrupted: 2 of 5 measured runs"));
    assertThat(whole.warnings()).noneMatch(w -> w.startsWith("interrupted"));
  }

  @Test
  void withoutABaselineThereIsNoSpeedup() {
    Result r = assembler.assemble(measurement("thread-pool", 2, null, 400, 420, 410), null);

    assertThat(r.comparison().speedup()).isNull();
    assertThat(r.comparison().efficiency()).isNull();
    assertThat(r.comparison().baseline()).isNull();
  }

  @Test
  void theCounterIsSummedOverRunsAndAGuardedLossIsWarnedAbout() {
    Measurement racy = measurement("lock", 2, Guard.NONE, 400, 420, 410);
    Measurement guarded = measurement("lock", 2, Guard.ATOMIC, 400, 420, 410);

    Result racyResult = assembler.assemble(racy, null);
    Result guardedResult = assembler.assemble(guarded, null);

    assertThat(racyResult.outcome().counter().expected()).isEqualTo(3 * 1000);
    assertThat(racyResult.outcome().counter().actual()).isEqualTo(3 * 1000 - 5 - 5);
    assertThat(racyResult.outcome().counter().lost()).isEqualTo(10);
    assertThat(racyResult.outcome().counter().runsWithLoss()).isEqualTo(2);
    assertThat(racyResult.warnings()).noneMatch(w -> w.contains("guard lost"));
    assertThat(guardedResult.warnings()).anyMatch(w -> w.contains("the atomic guard lost 10 counter updates"));
  }

  @Test
  void moreWorkersThanProcessorsIsWarnedOnlyForCpuBoundWork() {
    Result busy = assembler.assemble(measurement("thread-pool", 4, null, 400, 420, 410), null);

    assertThat(busy.warnings()).anyMatch(w -> w.startsWith("4 workers on 2 available processors"));
  }

  /** Runs of 16 tasks with the given wall times (ms); CPU time is twice the wall time. */
  @Test
  void aChunksizeAsGivenIsKeptForTheProcessPoolOnly() {
    io.concbench.executor.ProcessSettings chunks10 =
        new io.concbench.executor.ProcessSettings(null, List.of(), 10, 0, 0, 1, 0);
    ExecutorSettings settings = new ExecutorSettings(2, 5_000_000, chunks10);

    assertThat(assembler.assemble(withSettings(measurement("process-pool", 2, null, 400), settings), null)
        .benchmarkCase().chunksize()).isEqualTo(10);
    assertThat(assembler.assemble(withSettings(measurement("fork", 2, null, 400), settings), null)
        .benchmarkCase().chunksize())
        .isNull();
    assertThat(assembler.assemble(measurement("process-pool", 2, null, 400), null).benchmarkCase().chunksize())
        .as("the default chunks").isNull();
  }

  /** The measurement with each run's CPU time set to share × its wall time; a negative share: unknown. */
  private static Measurement withCpuShare(Measurement m, double share) {
    List<RunSample> runs = m.runs().stream().map(r -> new RunSample(r.wallNanos(),
        new CpuTimes(share < 0 ? -1 : (long) (share * r.wallNanos()), -1, -1), r.latencyNanos(),
        r.completedTasks(), r.failedTasks(), r.unverifiedTasks(), r.counterExpected(), r.counterActual(),
        r.firstFailure(), r.failures(), r.timedOutTasks(), r.phaseMillis(), r.rssPeakBytes(),
        r.workerRssPeakBytes())).toList();
    return new Measurement(m.benchmarkCase(), runs, m.latencyNanos());
  }

  private static Measurement withSettings(Measurement m, ExecutorSettings settings) {
    BenchmarkCase c = m.benchmarkCase();
    return new Measurement(new BenchmarkCase(c.workload(), c.params(), c.tasks(), c.executor(), c.workers(),
        c.guard(), settings), m.runs(), m.latencyNanos());
  }

  private static Measurement measurement(String executor, int workers, Guard guard, double... wallMs) {
    io.concbench.executor.Executor entry = ExecutorRegistry.find(executor).orElseThrow();
    BenchmarkCase c = new BenchmarkCase(WorkloadRegistry.find("cpu").orElseThrow(),
        ParamValues.resolve(WorkloadRegistry.find("cpu").orElseThrow(), Map.of("n", "1000")), 16, entry, workers, guard, new ExecutorSettings(workers, 5_000_000));
    List<RunSample> runs = new java.util.ArrayList<>();
    Histogram all = new Histogram(3_600_000_000_000L, 3);
    for (int i = 0; i < wallMs.length; i++) {
      long wall = (long) (wallMs[i] * 1e6);
      Histogram latency = new Histogram(3_600_000_000_000L, 3);
      for (int t = 0; t < 16; t++) {
        latency.recordValue(wall * workers / 16); // 16 tasks shared by the workers, none idle
      }
      all.add(latency);
      long lost = i == 0 ? 0 : 5;
      runs.add(new RunSample(wall, new CpuTimes(2 * wall, -1, -1), latency, 16, 0, 0, 1000, 1000 - lost, null,
          List.of(), 0, Map.of(), (64L + i) << 20, -1));
    }
    return new Measurement(c, runs, all);
  }
}
