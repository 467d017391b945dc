package io.concbench.engine;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Set once when the user interrupts the benchmark. Sleeping tasks wake at once, running tasks stop at their
 * next checkpoint, executors start nothing new.
 */
public final class Cancellation {

  private final CountDownLatch cancelled = new CountDownLatch(1);

  public void cancel() {
    cancelled.countDown();
  }

  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /** Waits {@code millis} or until cancelled; throws {@link CancelledException} if cancelled. */
  public void sleep(long millis) throws InterruptedException {
    if (cancelled.await(millis, TimeUnit.MILLISECONDS)) {
      throw new CancelledException();
    }
  }

  public void check() {
    if (isCancelled()) {
      throw new CancelledException();
    }
  }

  /** Unwinds a task of a cancelled run; never counted as a task failure. */
  public static final class CancelledException extends RuntimeException {
    CancelledException() {
      super("cancelled", null, false, false);
    }
  }
}
