package io.concbench.process.parent;

import io.concbench.executor.TaskBatch;

/**
 * A process executor's generator at a rate: the driver's dispatcher asks, each time it wakes, how many tasks
 * are due by now (each newly due task's release is recorded with its lateness, how long after its due time
 * the dispatcher woke), and how long it may sleep before the next one. A closed batch releases everything.
 */
final class Releases {

  private final TaskBatch batch;
  private final boolean paced;
  private int released;

  Releases(TaskBatch batch) {
    this.batch = batch;
    this.paced = batch.size() > 0 && batch.dueNanos(0) >= 0;
    this.released = paced ? 0 : batch.size();
  }

  boolean paced() {
    return paced;
  }

  /** How many tasks are released by {@code now}: 0 to that count - 1. */
  int due(long now) {
    while (released < batch.size() && batch.dueNanos(released) <= now) {
      // Already due: records the lateness and returns at once (false only if the run was cancelled).
      batch.awaitRelease(released);
      released++;
    }
    return released;
  }

  /** How long from {@code now} to the next release; a long wait when all are released. */
  long nanosToNext(long now) {
    return released < batch.size() ? Math.max(0, batch.dueNanos(released) - now) : Long.MAX_VALUE;
  }
}
