package io.concbench.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.api.TaskContext;
import io.concbench.workload.PlainContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Deterministic: a fake clock decides when the switch interval has passed; waits are on observable events. */
@Timeout(30)
class GlobalInterpreterLockTest {

  private final AtomicLong now = new AtomicLong();
  private final GlobalInterpreterLock gil = new GlobalInterpreterLock(5_000_000, now::get);

  @Test
  void theHolderKeepsTheLockUntilTheIntervalHasPassedAndSomeoneWaits() throws Exception {
    TaskContext a = gil.contextFor(new PlainContext());
    TaskContext b = gil.contextFor(new PlainContext());
    ((TaskLifecycle) a).enterTask();

    a.checkpoint(); // nobody waits: keeps the lock
    CountDownLatch bHasLock = new CountDownLatch(1);
    CountDownLatch bMayLeave = new CountDownLatch(1);
    Thread other = new Thread(() -> {
      ((TaskLifecycle) b).enterTask();
      bHasLock.countDown();
      try {
        bMayLeave.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ((TaskLifecycle) b).exitTask();
    });
    other.start();
    awaitWaiter();

    now.addAndGet(4_999_999);
    a.checkpoint(); // someone waits, but the interval has not passed: still keeps the lock
    assertThat(bHasLock.getCount()).isEqualTo(1);

    now.addAndGet(1);
    // The interval has passed and b waits: a's checkpoint hands the lock to b and queues behind it, so it
    // returns only after b has run and let go, which the releaser allows once b has the lock.
    Thread releaser = new Thread(() -> {
      try {
        assertThat(bHasLock.await(10, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      bMayLeave.countDown();
    });
    releaser.start();
    a.checkpoint();

    assertThat(bHasLock.getCount()).isZero();
    ((TaskLifecycle) a).exitTask();
    other.join();
    releaser.join();
  }

  @Test
  void aSleepingHolderLetsAnotherThreadRun() throws Exception {
    CountDownLatch bRan = new CountDownLatch(1);
    TaskContext sleeper = gil.contextFor(new TaskContext() {
      @Override
      public void checkpoint() {}

      @Override
      public void sleep(long millis) throws InterruptedException {
        // Instead of sleeping: wait until the other thread has run workload code, which needs the GIL.
        assertThat(bRan.await(10, TimeUnit.SECONDS)).isTrue();
      }

      @Override
      public void increment() {}
    });
    TaskContext b = gil.contextFor(new PlainContext());
    Thread other = new Thread(() -> {
      ((TaskLifecycle) b).enterTask();
      bRan.countDown();
      ((TaskLifecycle) b).exitTask();
    });

    ((TaskLifecycle) sleeper).enterTask();
    other.start();
    sleeper.sleep(100);
    ((TaskLifecycle) sleeper).exitTask();
    other.join();

    assertThat(bRan.getCount()).isZero();
  }

  /** CPython releases the GIL while a thread waits for a child process: subprocesses escape the GIL. */
  @Test
  void aHolderWaitingOutsideThisProcessLetsAnotherThreadRun() throws Exception {
    CountDownLatch bRan = new CountDownLatch(1);
    TaskContext waiter = gil.contextFor(new PlainContext());
    TaskContext b = gil.contextFor(new PlainContext());
    Thread other = new Thread(() -> {
      ((TaskLifecycle) b).enterTask();
      bRan.countDown();
      ((TaskLifecycle) b).exitTask();
    });

    ((TaskLifecycle) waiter).enterTask();
    other.start();
    boolean ran = waiter.blocking(() -> bRan.await(10, TimeUnit.SECONDS)); // stands in for a child process
    waiter.checkpoint(); // the lock is held again: a checkpoint may hand it over, so it must be ours
    ((TaskLifecycle) waiter).exitTask();
    other.join();

    assertThat(ran).isTrue();
  }

  private void awaitWaiter() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!gil.hasWaiters()) {
      assertThat(System.nanoTime()).as("a thread queued for the GIL in time").isLessThan(deadline);
      Thread.onSpinWait();
      Thread.sleep(1);
    }
  }
}
