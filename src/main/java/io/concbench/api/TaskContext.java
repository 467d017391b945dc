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
}
