package io.concbench.executor;

/** A way of running tasks: on one thread, on many, on virtual threads, under a lock, under a GIL. */
public interface Executor {

  /**
   * Prepares one run, outside the timed region: starts pool threads and the like, so that set-up cost is
   * not mistaken for the cost of running tasks.
   */
  ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload);
}
