package io.concbench.cli;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Calls an action once a second on a daemon thread until closed: the progress line's elapsed and remaining
 * times move during a run of hours, which would otherwise show the same line from start to end. A wake-up
 * a second and one short line to the terminal are far below what a run can measure.
 */
final class ProgressTicker implements AutoCloseable {

  private final ScheduledExecutorService scheduler;

  private ProgressTicker(ScheduledExecutorService scheduler) {
    this.scheduler = scheduler;
  }

  static ProgressTicker start(Runnable action) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "concbench-progress");
      thread.setDaemon(true);
      return thread;
    });
    scheduler.scheduleWithFixedDelay(action, 1, 1, TimeUnit.SECONDS);
    return new ProgressTicker(scheduler);
  }

  /** Stops the ticks and waits for one under way, so that nothing is drawn after the line is cleared. */
  @Override
  public void close() {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
