package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class CancellationSleepTest {

  @Test
  void sleepAfterCancelThrowsAtOnce() {
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();

    assertThatThrownBy(() -> cancellation.sleep(TimeUnit.HOURS.toMillis(1)))
        .isInstanceOf(Cancellation.CancelledException.class);
  }

  @Test
  @Timeout(10)
  void cancelWakesASleeperAndLeavesNoInterruptBehind() throws Exception {
    Cancellation cancellation = new Cancellation();
    CountDownLatch aboutToSleep = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicReference<Boolean> interruptedAfterwards = new AtomicReference<>();
    Thread sleeper = new Thread(() -> {
      aboutToSleep.countDown();
      try {
        cancellation.sleep(TimeUnit.HOURS.toMillis(1));
      } catch (Throwable t) {
        outcome.set(t);
      }
      interruptedAfterwards.set(Thread.currentThread().isInterrupted());
    });
    sleeper.start();
    aboutToSleep.await();
    // Whether the cancel lands before or during the sleep, the sleeper must end with CancelledException.
    cancellation.cancel();
    sleeper.join();

    assertThat(outcome.get()).isInstanceOf(Cancellation.CancelledException.class);
    assertThat(interruptedAfterwards.get()).isFalse();
  }

  @Test
  void anInterruptThatIsNotACancellationStaysAnInterruption() {
    Cancellation cancellation = new Cancellation();
    Thread.currentThread().interrupt();

    assertThatThrownBy(() -> cancellation.sleep(1_000)).isInstanceOf(InterruptedException.class);
    assertThat(cancellation.isCancelled()).isFalse();
  }

  @Test
  void aShortSleepEndsNormallyWhenNotCancelled() throws Exception {
    Cancellation cancellation = new Cancellation();

    CompletableFuture.runAsync(() -> {
      try {
        cancellation.sleep(1);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }).get(10, TimeUnit.SECONDS);
  }
}
