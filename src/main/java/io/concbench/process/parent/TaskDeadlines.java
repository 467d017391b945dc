package io.concbench.process.parent;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * --task-timeout for a {@link ChunkScheduler}: a worker's running task is due its timeout after it started,
 * and the driver's dispatcher sleeps until the first such deadline (at most {@link #IDLE_POLL_NANOS}),
 * woken sooner by a task whose deadline comes before it would look. Guarded by the driver's lock.
 */
final class TaskDeadlines {

  /** How long the dispatcher sleeps when nothing calls it and no deadline comes sooner. */
  static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final long timeoutNanos;
  private long dispatcherWakesAt;

  /** @param timeoutNanos --task-timeout, or 0 for none */
  TaskDeadlines(long timeoutNanos) {
    this.timeoutNanos = timeoutNanos;
  }

  /**
   * How long the dispatcher may sleep from {@code now}: until the first running task's deadline, at most
   * {@link #IDLE_POLL_NANOS}. Noted, so that a task starting with an earlier deadline wakes it.
   */
  long pollNanos(List<? extends WorkerSlot<?>> live, long now) {
    long wait = IDLE_POLL_NANOS;
    if (timeoutNanos > 0) {
      for (WorkerSlot<?> slot : live) {
        if (slot.runningTask >= 0 && slot.timedOutTask < 0) {
          wait = Math.min(wait, slot.runningSince + timeoutNanos - now);
        }
      }
      wait = Math.max(0, wait);
    }
    dispatcherWakesAt = now + wait;
    return wait;
  }

  /** Whether a task that started at {@code startNanos} is due before the dispatcher looks next. */
  boolean dueBeforeNextLook(long startNanos) {
    return startNanos + timeoutNanos < dispatcherWakesAt;
  }

  /** Whether the worker's running task is over its time at {@code now}, and not yet known to be. */
  boolean overdue(WorkerSlot<?> slot, long now) {
    return timeoutNanos > 0 && slot.runningTask >= 0 && slot.timedOutTask < 0
        && now - slot.runningSince > timeoutNanos;
  }

  /** Why a worker was killed for its task. */
  String reason() {
    return "ran over --task-timeout of " + timeoutNanos / 1_000_000 + " ms";
  }
}
