package io.concbench.process.worker;

import io.concbench.api.TaskContext;

/**
 * The context of a task in a JVM that runs one task at a time (a pool worker, a cluster member): checkpoints
 * cost nothing, the counter is the task's own.
 */
public final class SoloTaskContext implements TaskContext {
  private long counter;

  @Override
  public void checkpoint() {}

  @Override
  public void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  @Override
  public void increment() {
    counter++;
  }
}
