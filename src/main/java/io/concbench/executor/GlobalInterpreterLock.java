package io.concbench.executor;

import io.concbench.api.BlockingWait;
import io.concbench.api.TaskContext;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * A simulated CPython GIL: one lock that a thread must hold to run workload code. The holder hands it over
 * at a checkpoint once it has held it for the switch interval and another thread is waiting (CPython's
 * forced switch, {@code sys.setswitchinterval}, 5 ms by default), and releases it around blocking waits.
 * The lock is fair so that a release really hands the lock to the longest waiter.
 */
final class GlobalInterpreterLock {

  private final ReentrantLock lock = new ReentrantLock(true);
  private final long switchIntervalNanos;
  private final LongSupplier nanoTime;

  GlobalInterpreterLock(long switchIntervalNanos, LongSupplier nanoTime) {
    this.switchIntervalNanos = switchIntervalNanos;
    this.nanoTime = nanoTime;
  }

  /** True while a thread waits for the lock; lets tests wait for an observable event instead of sleeping. */
  boolean hasWaiters() {
    return lock.hasQueuedThreads();
  }

  /** A context for one thread: it runs workload code only while it holds this lock. */
  TaskContext contextFor(TaskContext base) {
    return new Holder(base);
  }

  private final class Holder implements TaskContext, TaskLifecycle {
    private final TaskContext base;
    private long heldSince;

    Holder(TaskContext base) {
      this.base = base;
    }

    @Override
    public void enterTask() {
      take();
    }

    @Override
    public void exitTask() {
      lock.unlock();
    }

    @Override
    public void checkpoint() {
      if (nanoTime.getAsLong() - heldSince >= switchIntervalNanos && lock.hasQueuedThreads()) {
        lock.unlock();
        take();
      }
      base.checkpoint();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      lock.unlock();
      try {
        base.sleep(millis);
      } finally {
        take();
      }
    }

    @Override
    public void increment() {
      base.increment();
    }

    /** Released around the wait, as CPython releases the GIL while it waits for a child process. */
    @Override
    public <T> T blocking(BlockingWait<T> wait) throws InterruptedException {
      lock.unlock();
      try {
        return base.blocking(wait);
      } finally {
        take();
      }
    }

    @Override
    public void childPeakMemory(long bytes) {
      base.childPeakMemory(bytes);
    }

    private void take() {
      lock.lock();
      heldSince = nanoTime.getAsLong();
    }
  }
}
