package io.concbench.workload;

import io.concbench.api.TaskContext;
/** A task context that sleeps not at all and counts what tasks ask of it. */
final class RecordingContext implements TaskContext {
  long checkpoints;
  long sleptMillis;
  long increments;

  @Override
  public void checkpoint() {
    checkpoints++;
  }

  @Override
  public void sleep(long millis) {
    sleptMillis += millis;
  }

  @Override
  public void increment() {
    increments++;
  }
}
