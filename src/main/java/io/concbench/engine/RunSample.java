package io.concbench.engine;

import io.concbench.executor.ClusterFigures;
import io.concbench.executor.Phase;
import io.concbench.executor.TaskFailure;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run measured.
 *
 * @param wallNanos time from the first task's dispatch to the last task's end
 * @param cpu CPU time of the whole process during that time
 * @param latencyNanos each completed task's time from start to end
 * @param completedTasks tasks that ran to the end (failed or not)
 * @param failedTasks tasks that threw
 * @param unverifiedTasks tasks that returned a wrong checksum
 * @param counterExpected updates made to the shared counter; {@code counterActual} what it holds after
 * @param firstFailure the first failure's message, or null
 * @param failures what is known of each failed task of process executors (capped)
 * @param timedOutTasks tasks that ran over --task-timeout
 * @param phaseMillis the executor's own phase times ({@link io.concbench.executor.RunCosts})
 * @param rssPeakBytes concbench's own peak resident memory during the run; -1 if unknown
 * @param workerRssPeakBytes the largest peak resident memory of a worker process the run started; -1 for
 *     in-process executors and when unknown
 * @param rate a rate run's latencies from the intended release, queueing, service and lateness; null for a
 *     closed run
 * @param cluster a cluster run's retries and members; null for every other executor
 */
public record RunSample(
    long wallNanos,
    CpuTimes cpu,
    Histogram latencyNanos,
    long completedTasks,
    long failedTasks,
    long unverifiedTasks,
    long counterExpected,
    long counterActual,
    String firstFailure,
    List<TaskFailure> failures,
    long timedOutTasks,
    Map<Phase, Double> phaseMillis,
    long rssPeakBytes,
    long workerRssPeakBytes,
    RateSample rate,
    ClusterFigures cluster) {

  /** A sample of any executor but cluster. */
  public RunSample(long wallNanos, CpuTimes cpu, Histogram latencyNanos, long completedTasks, long failedTasks,
      long unverifiedTasks, long counterExpected, long counterActual, String firstFailure,
      List<TaskFailure> failures, long timedOutTasks, Map<Phase, Double> phaseMillis, long rssPeakBytes,
      long workerRssPeakBytes, RateSample rate) {
    this(wallNanos, cpu, latencyNanos, completedTasks, failedTasks, unverifiedTasks, counterExpected,
        counterActual, firstFailure, failures, timedOutTasks, phaseMillis, rssPeakBytes, workerRssPeakBytes, rate,
        null);
  }

  /** The same sample with a cluster run's figures. */
  public RunSample withCluster(ClusterFigures figures) {
    return new RunSample(wallNanos, cpu, latencyNanos, completedTasks, failedTasks, unverifiedTasks,
        counterExpected, counterActual, firstFailure, failures, timedOutTasks, phaseMillis, rssPeakBytes,
        workerRssPeakBytes, rate, figures);
  }

  /** A closed run's sample. */
  public RunSample(long wallNanos, CpuTimes cpu, Histogram latencyNanos, long completedTasks, long failedTasks,
      long unverifiedTasks, long counterExpected, long counterActual, String firstFailure,
      List<TaskFailure> failures, long timedOutTasks, Map<Phase, Double> phaseMillis, long rssPeakBytes,
      long workerRssPeakBytes) {
    this(wallNanos, cpu, latencyNanos, completedTasks, failedTasks, unverifiedTasks, counterExpected,
        counterActual, firstFailure, failures, timedOutTasks, phaseMillis, rssPeakBytes, workerRssPeakBytes, null);
  }

  public long lostUpdates() {
    return counterExpected - counterActual;
  }
}
