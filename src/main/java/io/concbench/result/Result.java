package io.concbench.result;

import java.util.List;
import java.util.Map;

/**
 * One measured case: a workload on an executor. Every field is documented in docs/json-schema.md. The
 * phase summaries ({@code startupMs} ... {@code shutdownMs}) are null except for the process executors
 * that measure them.
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
    Double efficiencyVsCapacity) {

  /** A result that no chunksize applies to (every executor but process-pool). */
  public Result(String workload, String executor, int workers, int tasks, Map<String, Long> params, String guard,
      int runs, int warmupRuns, Summary wallMs, Summary cpuMs, Summary userMs, Summary sysMs,
      LatencySummary latencyUs, double throughputPerS, double coresUsed, String baseline, Double speedup,
      Double efficiency, CounterSummary counter, long failedTasks, long unverifiedTasks, String firstFailure,
      List<String> warnings, Summary startupMs, Summary computeMs, Summary ipcMs, Summary exitMs,
      Summary poolStartMs, Summary shutdownMs, long timedOutTasks, List<Failure> failures,
      CapacitySummary capacity, Double efficiencyVsCapacity) {
    this(workload, executor, workers, tasks, params, guard, null, runs, warmupRuns, wallMs, cpuMs, userMs, sysMs,
        latencyUs, throughputPerS, coresUsed, baseline, speedup, efficiency, counter, failedTasks, unverifiedTasks,
        firstFailure, warnings, startupMs, computeMs, ipcMs, exitMs, poolStartMs, shutdownMs, timedOutTasks,
        failures, capacity, efficiencyVsCapacity);
  }
}
