package io.concbench.executor;

/**
 * What a user chose for the executors of one run.
 *
 * @param workers threads of a parallel executor
 * @param switchIntervalNanos how long the simulated GIL is held before it is handed to a waiting thread
 * @param process settings of the process executors
 */
public record ExecutorSettings(int workers, long switchIntervalNanos, ProcessSettings process) {

  public ExecutorSettings(int workers, long switchIntervalNanos) {
    this(workers, switchIntervalNanos, ProcessSettings.DEFAULT);
  }

  public ExecutorSettings {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1");
    }
    if (switchIntervalNanos < 1) {
      throw new IllegalArgumentException("switch interval must be positive");
    }
  }
}
