package io.concbench.result;

import java.util.List;
import java.util.Map;

/**
 * One measured case: a workload on an executor. Every field is documented in docs/json-schema.md. The
 * phase summaries ({@code startupMs} ... {@code shutdownMs}) are null except for the process executors
 * that measure them. {@code rssPeakMb} is concbench's own peak resident memory per run (null where it cannot be
 * read), {@code workerRssPeakMb} the largest worker's per run (null for in-process executors).
 * {@code backgroundLoad} is what else used the CPUs over the result's group of measured rounds (null where
 * /proc cannot be read, and in reports written before it was added). {@code taskTimeVsBaseline} is the median
 * task time over the baseline's (null without a baseline). {@code baselineCpuShare} is d, the share of a
 * core the baseline kept busy; {@code speedupBound} the most speedup the machine's capacity allowed the work,
 * min(workers, capacity / d); {@code efficiencyVsBound} the result's against it. All three are null without
 * a capacity or a one-worker baseline, where d is unknown or too coarse to use, and under the hypervisor's
 * steal (docs/json-schema.md says when exactly).
 *
 * @param chunksize {@code --chunksize} as given, for {@code process-pool}; null where it does not apply or
 *     the default (ceil(tasks / (4 × workers))) was used, so that a chunksize sweep's results stay apart
 */
public record Result(
    String workload,
    String executor,
    int workers,
    int tasks,
    Map<String, Object> params,
    String guard,
    Integer chunksize,
    int runs,
    int warmupRuns,
    Summary wallMs,
    Summary cpuMs,
    Summary userMs,
    Summary sysMs,
    LatencySummary latencyUs,
    double throughputPerS,
    double coresUsed,
    String baseline,
    Double speedup,
    Double efficiency,
    CounterSummary counter,
    long failedTasks,
    long unverifiedTasks,
    String firstFailure,
    List<String> warnings,
    Summary startupMs,
    Summary computeMs,
    Summary ipcMs,
    Summary exitMs,
    Summary poolStartMs,
    Summary shutdownMs,
    long timedOutTasks,
    List<Failure> failures,
    CapacitySummary capacity,
    Double efficiencyVsCapacity,
    MedianInterval efficiencyVsCapacityCi,
    Summary rssPeakMb,
    Summary workerRssPeakMb,
    io.concbench.system.BackgroundLoad backgroundLoad,
    Double taskTimeVsBaseline,
    Double baselineCpuShare,
    Double speedupBound,
    Double efficiencyVsBound) {

  /**
   * Below this share of a core the baseline waited as well as computed; above it the work is all CPU (a
   * run's CPU clock of 10 ms ticks reads 0.97-1.00 for the {@code cpu} workload).
   */
  private static final double ALL_CPU_SHARE = 0.95;

  public Result {
    params = Params.normalize(params);
  }

  /**
   * Whether the work waits as well as computes, so that the speedup bound says more than the capacity: for
   * all-CPU work it is the capacity (or the workers, where a probe read more) and efficiency_vs_bound
   * repeats efficiency_vs_capacity. Judged on the work's CPU share, not on the bound against the capacity,
   * because the share is steady from report to report where the capacity is not: two reports of the same
   * work agree on it. Not a JSON field.
   */
  public boolean partlyWaiting() {
    return speedupBound != null && baselineCpuShare != null && baselineCpuShare < ALL_CPU_SHARE;
  }
}
