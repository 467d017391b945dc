package io.concbench.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class GuardTest {

  @Test
  @Timeout(60)
  void everyRealGuardIsExactUnderContention() throws Exception {
    for (Guard guard : Guard.values()) {
      if (guard.racy()) {
        continue;
      }
      SharedCounter counter = guard.newCounter();
      int threads = 4;
      int increments = 100_000;
      CyclicBarrier start = new CyclicBarrier(threads);
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker = new Thread(() -> {
          try {
            start.await();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          for (int i = 0; i < increments; i++) {
            counter.increment();
          }
        });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      assertThat(counter.get()).as(guard.label()).isEqualTo((long) threads * increments);
    }
  }

  @Test
  void theUnguardedCounterCountsExactlyOnOneThread() {
    SharedCounter counter = Guard.NONE.newCounter();
    for (int i = 0; i < 1000; i++) {
      counter.increment();
    }

    assertThat(counter.get()).isEqualTo(1000);
    assertThat(Guard.NONE.racy()).isTrue();
  }

  @Test
  void labelsRoundTrip() {
    for (Guard guard : Guard.values()) {
      assertThat(Guard.fromLabel(guard.label())).isSameAs(guard);
    }
  }
}
