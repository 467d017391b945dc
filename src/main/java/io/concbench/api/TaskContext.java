package io.concbench.api;

/**
 * What a running task may ask of the executor that runs it. Executors decorate it: the simulated GIL hands
 * the interpreter lock over at checkpoints and releases it around sleeps, the lock executor updates its
 * shared counter at checkpoints, and the engine stops a cancelled run at the next checkpoint.
 */
public interface TaskContext {

  /**
   * A cheap point between two slices of work, where a task may be paused or stopped; what CPython's eval
   * loop does between bytecodes. Loops call it every few tens of microseconds of work, never per iteration.
   */
  void checkpoint();

  /** A blocking wait that uses no CPU, like an I/O call: a GIL is released around it. */
  void sleep(long millis) throws InterruptedException;

  /** Adds one to the run's shared counter through the run's guard. */
  void increment();

  /**
   * Runs a wait for something outside this process (a child process, a socket) that uses none of its CPU, as
   * {@link #sleep} does: a GIL is released around it, and a cancelled run interrupts it. Do not call the
   * other methods of this context from inside the wait. (The default runs the wait as it is: what a context
   * without a GIL or cancellation, such as a test's, needs.)
   */
  default <T> T blocking(BlockingWait<T> wait) throws InterruptedException {
    return wait.await();
  }

  /**
   * Tells the run the peak resident memory, in bytes, of a process that this task started: a run reports the
   * largest as {@code worker_rss_peak_mb}, as it does for worker JVMs. (Not carried back from a worker JVM,
   * which reports its own peak.)
   */
  default void childPeakMemory(long bytes) {}
}
