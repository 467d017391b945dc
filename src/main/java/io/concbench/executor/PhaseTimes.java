package io.concbench.executor;

import java.util.Map;

/**
 * Times an executor measured in one run besides the wall time (process start-up, pipe transit, compute in
 * the worker), in milliseconds by name ({@code startup_ms}, {@code pool_start_ms}, ...). In-process
 * executors have none.
 */
public interface PhaseTimes {

  /** Valid after {@link ExecutorRun#close()}. */
  Map<String, Double> phaseMillis();

  /**
   * CPU time used by the executor's child processes during the timed region, which the process's own
   * CPU time does not include; 0 for in-process executors.
   */
  default long childCpuNanos() {
    return 0;
  }

  /** The user-mode part of {@link #childCpuNanos}; -1 when unknown. */
  default long childUserNanos() {
    return -1;
  }

  /** The kernel-mode part of {@link #childCpuNanos}; -1 when unknown. */
  default long childSystemNanos() {
    return -1;
  }

  /**
   * The largest peak resident memory, in bytes, of any child process of this run, read while it was alive;
   * -1 for in-process executors and when unknown.
   */
  default long childRssPeakBytes() {
    return -1;
  }
}
