package io.concbench.result;

import io.concbench.stats.Summaries;
import io.concbench.system.BackgroundLoad;
import java.util.List;
import java.util.Map;

/**
 * Results for tests: every figure plausible by default (the {@code cpu} workload on {@code thread-pool} with
 * two workers, three runs of about 410 ms, no baseline, no failures, no capacity probe), and set where a test
 * cares, so that a test names only what it looks at.
 */
public final class ResultBuilder {

  private Result.Case benchmarkCase = new Result.Case("cpu", "thread-pool", 2, 16, Map.of("n", 1000L), null, null);
  private Result.Timing timing = new Result.Timing(3, 1, summary(400.5, 410.25, 420), summary(800, 820, 840),
      summary(790, 810, 830), summary(10, 10, 10),
      new LatencySummary(50.5, 49.9, 60.1, 75.3, 80, 48, List.of(70.0, 75.3, 80.0)), 39.0, 1.99);
  private Result.Comparison comparison = Result.Comparison.NONE;
  private Result.Outcome outcome = Result.Outcome.CLEAN;
  private Result.ProcessPhases phases = Result.ProcessPhases.NONE;
  private Result.Capacity capacity = Result.Capacity.NONE;
  private Result.Memory memory = new Result.Memory(summary(60, 61, 62), null);
  private BackgroundLoad backgroundLoad;
  private List<String> warnings = List.of();

  private ResultBuilder() {}

  public static ResultBuilder result() {
    return new ResultBuilder();
  }

  /** A builder that starts from every figure of {@code r}. */
  public static ResultBuilder from(Result r) {
    ResultBuilder b = new ResultBuilder();
    b.benchmarkCase = r.benchmarkCase();
    b.timing = r.timing();
    b.comparison = r.comparison();
    b.outcome = r.outcome();
    b.phases = r.phases();
    b.capacity = r.capacity();
    b.memory = r.memory();
    b.backgroundLoad = r.backgroundLoad();
    b.warnings = r.warnings();
    return b;
  }

  public Result build() {
    return new Result(benchmarkCase, timing, comparison, outcome, phases, capacity, memory, backgroundLoad,
        warnings);
  }

  private static Summary summary(double... samples) {
    return Summaries.of(samples);
  }

  // The case.

  public ResultBuilder benchmarkCase(String workload, String executor, int workers) {
    Result.Case c = benchmarkCase;
    benchmarkCase = new Result.Case(workload, executor, workers, c.tasks(), c.params(), c.guard(), c.chunksize());
    return this;
  }

  public ResultBuilder workload(String workload) {
    return benchmarkCase(workload, benchmarkCase.executor(), benchmarkCase.workers());
  }

  public ResultBuilder executor(String executor) {
    return benchmarkCase(benchmarkCase.workload(), executor, benchmarkCase.workers());
  }

  public ResultBuilder workers(int workers) {
    return benchmarkCase(benchmarkCase.workload(), benchmarkCase.executor(), workers);
  }

  public ResultBuilder tasks(int tasks) {
    Result.Case c = benchmarkCase;
    benchmarkCase = new Result.Case(c.workload(), c.executor(), c.workers(), tasks, c.params(), c.guard(),
        c.chunksize());
    return this;
  }

  public ResultBuilder params(Map<String, ?> params) {
    Result.Case c = benchmarkCase;
    benchmarkCase = new Result.Case(c.workload(), c.executor(), c.workers(), c.tasks(), Params.normalize(params),
        c.guard(), c.chunksize());
    return this;
  }

  public ResultBuilder guard(String guard) {
    Result.Case c = benchmarkCase;
    benchmarkCase = new Result.Case(c.workload(), c.executor(), c.workers(), c.tasks(), c.params(), guard,
        c.chunksize());
    return this;
  }

  public ResultBuilder chunksize(Integer chunksize) {
    Result.Case c = benchmarkCase;
    benchmarkCase = new Result.Case(c.workload(), c.executor(), c.workers(), c.tasks(), c.params(), c.guard(),
        chunksize);
    return this;
  }

  // Timing.

  public ResultBuilder timing(Result.Timing timing) {
    this.timing = timing;
    return this;
  }

  /** One wall time per measured run (ms), and as many runs. */
  public ResultBuilder wall(double... ms) {
    Result.Timing t = timing;
    timing = new Result.Timing(ms.length, t.warmupRuns(), summary(ms), t.cpuMs(), t.userMs(), t.sysMs(),
        t.latencyUs(), t.throughputPerS(), t.coresUsed());
    return this;
  }

  /** CPU time per run (ms, null: unknown) and the cores used on average. */
  public ResultBuilder cpu(Summary cpuMs, double coresUsed) {
    Result.Timing t = timing;
    timing = new Result.Timing(t.runs(), t.warmupRuns(), t.wallMs(), cpuMs, t.userMs(), t.sysMs(), t.latencyUs(),
        t.throughputPerS(), coresUsed);
    return this;
  }

  public ResultBuilder latency(LatencySummary latencyUs) {
    Result.Timing t = timing;
    timing = new Result.Timing(t.runs(), t.warmupRuns(), t.wallMs(), t.cpuMs(), t.userMs(), t.sysMs(), latencyUs,
        t.throughputPerS(), t.coresUsed());
    return this;
  }

  // Against the baseline.

  /** A speedup over {@code baseline}; the efficiency is the speedup over the workers. */
  public ResultBuilder speedup(String baseline, double speedup) {
    comparison = new Result.Comparison(baseline, speedup, speedup / benchmarkCase.workers(),
        comparison.taskTimeVsBaseline());
    return this;
  }

  public ResultBuilder taskTimeVsBaseline(Double ratio) {
    Result.Comparison vs = comparison;
    comparison = new Result.Comparison(vs.baseline(), vs.speedup(), vs.efficiency(), ratio);
    return this;
  }

  // What became of the tasks.

  public ResultBuilder outcome(Result.Outcome outcome) {
    this.outcome = outcome;
    return this;
  }

  public ResultBuilder counter(CounterSummary counter) {
    Result.Outcome o = outcome;
    outcome = new Result.Outcome(o.failedTasks(), o.unverifiedTasks(), o.timedOutTasks(), o.firstFailure(),
        o.failures(), counter);
    return this;
  }

  // A process executor's phases.

  public ResultBuilder phases(Result.ProcessPhases phases) {
    this.phases = phases;
    return this;
  }

  // The machine's capacity.

  public ResultBuilder capacity(Result.Capacity capacity) {
    this.capacity = capacity;
    return this;
  }

  /** A capacity probe, and the efficiency against it (null: none). */
  public ResultBuilder capacity(CapacitySummary probe, Double efficiencyVsCapacity) {
    Result.Capacity cap = capacity;
    capacity = new Result.Capacity(probe, efficiencyVsCapacity, cap.efficiencyVsCapacityCi(), cap.baselineCpuShare(),
        cap.speedupBound(), cap.efficiencyVsBound(), cap.workWaits());
    return this;
  }

  /** The baseline's share of a core, the speedup bound from it, and the efficiency against the bound. */
  public ResultBuilder bound(double baselineCpuShare, double speedupBound, Double efficiencyVsBound) {
    Result.Capacity cap = capacity;
    capacity = new Result.Capacity(cap.probe(), cap.efficiencyVsCapacity(), cap.efficiencyVsCapacityCi(),
        baselineCpuShare, speedupBound, efficiencyVsBound, cap.workWaits());
    return this;
  }

  /** Whether the work waits as well as computes ({@code work_waits}; null: not recorded, an older report). */
  public ResultBuilder workWaits(Boolean waits) {
    Result.Capacity cap = capacity;
    capacity = new Result.Capacity(cap.probe(), cap.efficiencyVsCapacity(), cap.efficiencyVsCapacityCi(),
        cap.baselineCpuShare(), cap.speedupBound(), cap.efficiencyVsBound(), waits);
    return this;
  }

  // The rest.

  public ResultBuilder memory(Result.Memory memory) {
    this.memory = memory;
    return this;
  }

  public ResultBuilder backgroundLoad(BackgroundLoad backgroundLoad) {
    this.backgroundLoad = backgroundLoad;
    return this;
  }

  public ResultBuilder warnings(String... warnings) {
    this.warnings = List.of(warnings);
    return this;
  }
}
