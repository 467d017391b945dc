package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietProcessesTest {

  /**
   * A fake clock that the sleeper moves, and CPU counters (ms) for this JVM and one other process, each sleep
   * adding the next scripted use of each.
   */
  private static final class Fake {
    long nowNanos;
    final long[] cpuMillis = new long[2];
    final Deque<long[]> usePerWindowMillis = new ArrayDeque<>();
    final List<Long> sleeps = new ArrayList<>();
    boolean otherGone;

    void sleep(long millis) {
      sleeps.add(millis);
      nowNanos += millis * 1_000_000;
      long[] use = usePerWindowMillis.poll();
      for (int i = 0; use != null && i < use.length; i++) {
        cpuMillis[i] += use[i];
      }
    }

    long[] counts() {
      return new long[] {cpuMillis[0] * 1_000_000, otherGone ? -1 : cpuMillis[1] * 1_000_000};
    }

    boolean await(long window, long max) {
      return QuietProcesses.await(window, max, this::counts, this::sleep, () -> nowNanos);
    }
  }

  @Test
  void processesThatEachUsedAtMostFivePerCentOfACpuOverOneWindowAreQuietAfterIt() {
    Fake fake = new Fake();
    fake.usePerWindowMillis.add(new long[] {2, 2}); // 2 ms in 50 each: 4 %

    assertThat(fake.await(50, 500)).isTrue();
    assertThat(fake.sleeps).containsExactly(50L);
  }

  @Test
  void itWaitsWindowAfterWindowUntilEveryProcessIsQuietInTheSameOne() {
    Fake fake = new Fake();
    fake.usePerWindowMillis.add(new long[] {30, 0});
    fake.usePerWindowMillis.add(new long[] {1, 12}); // the other process busy now
    fake.usePerWindowMillis.add(new long[] {3, 0}); // 3 ms in 50 ms is 6 %: not yet
    fake.usePerWindowMillis.add(new long[] {1, 1});

    assertThat(fake.await(50, 500)).isTrue();
    assertThat(fake.sleeps).hasSize(4);
  }

  @Test
  void aProcessThatIsGoneCountsAsQuiet() {
    Fake fake = new Fake();
    fake.otherGone = true;
    fake.usePerWindowMillis.add(new long[] {1, 40});

    assertThat(fake.await(50, 500)).isTrue();
    assertThat(fake.sleeps).hasSize(1);
  }

  @Test
  void processesThatNeverGoQuietAreWaitedForUpToTheBound() {
    Fake fake = new Fake();
    for (int i = 0; i < 100; i++) {
      fake.usePerWindowMillis.add(new long[] {0, 20});
    }

    assertThat(fake.await(50, 500)).isFalse();
    assertThat(fake.sleeps).hasSize(10);
  }

  @Test
  void withoutCpuCountsThereIsNoWait() {
    Fake fake = new Fake();

    assertThat(QuietProcesses.await(50, 500, () -> null, fake::sleep, () -> fake.nowNanos)).isFalse();
    assertThat(fake.sleeps).isEmpty();
  }

  @Test
  void anInterruptEndsTheWaitAndKeepsTheThreadsFlag() {
    try {
      boolean quiet = QuietProcesses.await(50, 500, () -> new long[] {0}, millis -> {
        throw new InterruptedException();
      }, System::nanoTime);

      assertThat(quiet).isFalse();
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
