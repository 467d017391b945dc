package io.concbench.api;

/** The code of one task of a workload with fixed parameter values. Stateless: any thread may run any task. */
public interface TaskKernel {

  /** Runs task {@code index} and returns a checksum that {@link #verify} accepts. */
  long run(int index, TaskContext context) throws InterruptedException;

  /** True if {@code result} is what task {@code index} must return. */
  boolean verify(int index, long result);

  /**
   * Brings the kernel's hot code to its steady compiled state before any timed run, so that every executor
   * times the same machine code. The default does nothing, for kernels with no hot loop.
   */
  default void warmUp() {}
}
