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
 * core the baseline kept busy, and {@code speedupBound} the most speedup the
 * machine's capacity allowed the work (min(workers, capacity / d)) and
 * {@code efficiencyVsBound} the result's against it; both null without a capacity or a one-worker
 * baseline, where the baseline's share of a core is unknown or too coarse to use, and under the
 * hypervisor's steal (docs/json-schema.md says when exactly).
 *
 * @param chunksize {@code --chunksize} as given, for {@code process-pool}; null where it does not apply or
 *     the default (ceil(tasks / (4 × workers))) was used, so that a chunksize sweep's results stay apart
 */
public record Result(
    String workload,
    String executor,
    int workers,
    int tasks,
    Map<String, Long> params,
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

  /** A speedup bound within 5 % of min(workers, capacity) is that: the baseline's CPU share measures no finer. */
  private static final double BOUND_DIFFERS = 0.05;

  /**
   * Whether the speedup bound says more than the capacity: only for work that waits as well as computes
   * (its baseline kept less than a core busy) does it pass min(workers, capacity); for all-CPU work it
   * repeats capacity and efficiency_vs_capacity (a probe that read more than the workers, as a shared host's
   * noise can, gives the workers' bound and says nothing new either). Not a JSON field.
   */
  public boolean boundBeyondCapacity() {
    if (speedupBound == null || capacity == null) {
      return false;
    }
    return speedupBound > (1 + BOUND_DIFFERS) * Math.min(workers, capacity.median());
  }
}
