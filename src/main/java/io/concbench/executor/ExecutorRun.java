package io.concbench.executor;

/** One prepared run of an executor. */
public interface ExecutorRun extends AutoCloseable {

  /**
   * Runs every task of the batch once and returns when all have finished, or when the batch was cancelled
   * and the started tasks have stopped.
   */
  void execute(TaskBatch batch) throws InterruptedException;

  /** Releases threads; waits a bounded time for them to end. */
  @Override
  void close();

  /**
   * What the run cost besides its wall time (phases, child processes), complete once it is closed: a
   * pool's shutdown is timed by {@link #close}. None for executors that run tasks in this process.
   */
  default RunCosts costs() {
    return RunCosts.NONE;
  }
}
