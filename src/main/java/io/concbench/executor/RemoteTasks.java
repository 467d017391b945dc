package io.concbench.executor;

/**
 * How an executor that runs tasks outside this JVM hands their outcomes to the engine. Thread-safe: every
 * worker's reader thread reports here. The engine still verifies each result against the workload.
 */
public interface RemoteTasks {

  /**
   * A task finished in a worker.
   *
   * @param latencyNanos its start-to-end time, measured where it ran
   */
  void completed(int index, long result, long latencyNanos);

  /** A task that could not be completed: its worker died or hung, or it threw in the worker. */
  void failed(TaskFailure failure);

  /**
   * A task was handed to a worker at {@code nanos} (the engine's clock): at a rate, its queueing runs from
   * its intended release to here, its service from here to its result's arrival. Nothing in a closed run.
   */
  default void dispatched(int index, long nanos) {}
}
