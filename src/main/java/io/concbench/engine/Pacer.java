package io.concbench.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a task back until its release time. Tests substitute one that moves a fake clock; the real one
 * parks and wakes at once when the run is cancelled.
 */
@FunctionalInterface
interface Pacer {

  /** Returns at {@code nanoTime} on the engine's clock or soon after; throws if the run is cancelled. */
  void waitUntil(long nanoTime) throws InterruptedException;

  /** Parks on the clock until the time, through the cancellation's wait so Ctrl-C ends it. */
  static Pacer parking(Clock clock, Cancellation cancellation) {
    return until -> cancellation.await(() -> {
      long left;
      while ((left = until - clock.nanoTime()) > 0) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
      return null;
    });
  }
}
