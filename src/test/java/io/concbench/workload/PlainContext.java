package io.concbench.workload;

import io.concbench.api.TaskContext;
/** A context with no executor behind it: checkpoints do nothing, sleeps sleep, increments are counted. */
public final class PlainContext implements TaskContext {
  public long increments;
  public long checkpoints;

  @Override
  public void checkpoint() {
    checkpoints++;
  }

  @Override
  public void sleep(long millis) throws InterruptedException {
    Thread.sleep(millis);
  }

  @Override
  public void increment() {
    increments++;
  }
}
