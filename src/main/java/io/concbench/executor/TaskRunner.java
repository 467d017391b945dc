package io.concbench.executor;

/** Runs tasks of a batch on the calling thread. Not thread-safe: one per thread. */
public interface TaskRunner {

  /** Runs, times and verifies task {@code index}. Never throws: a failed task is recorded, not raised. */
  void run(int index);
}
