package io.concbench.system;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A wait until this JVM and some processes it started have gone quiet: each used little CPU, its compiler and
 * GC threads included, over one short window. An {@code ab} side's timed runs share the cores with the other
 * side's JVM and with ab's own, both waiting; whatever those compile, collect or tidy after their last work
 * runs on the cores of the timed run, and on a run that keeps every core busy each millisecond of it is a
 * millisecond of the wall time. Measured on this project's 2-core machine (docs/ab.md): an idle side used 1-25
 * ms of CPU during the other's 90 ms thread-pool run, ab's JVM 5-40 ms (its compilers, after each round's
 * reporting), and the spread of thread-pool rounds' ratios was twice that of bare JVMs doing the same work.
 *
 * <p>A process that is gone counts as quiet. Where /proc does not tell the CPU times ({@link ThreadsCpu}) there
 * is no wait. Processes that do not go quiet within the bound {@value #GIVE_UP_AFTER} times in a row (threads
 * that never rest) are not waited for again.
 */
public final class QuietProcesses {

  /** A window is quiet when each process used no more than this share of one CPU over it (2.5 ms in 50 ms). */
  static final double QUIET_SHARE = 0.05;
  /** Waits in a row that reach their bound before the processes are taken for ones that never go quiet. */
  static final int GIVE_UP_AFTER = 3;

  private int boundsInARow;

  /** A pause of the calling thread. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  /**
   * Waits until a window of {@code windowMillis} passes in which this JVM (but the calling thread) and each of
   * {@code pids} used at most {@link #QUIET_SHARE} of a CPU, or {@code maxWaitMillis} are spent.
   */
  public void await(List<Long> pids, long windowMillis, long maxWaitMillis) {
    if (boundsInARow >= GIVE_UP_AFTER) {
      return;
    }
    boolean quiet = await(windowMillis, maxWaitMillis, () -> cpuNanos(pids), Thread::sleep, System::nanoTime);
    if (!Thread.currentThread().isInterrupted()) {
      boundsInARow = quiet ? 0 : boundsInARow + 1;
    }
  }

  /** This JVM's and each process's CPU time, or null where /proc does not tell this JVM's. */
  private static long[] cpuNanos(List<Long> pids) {
    OptionalLong self = ThreadsCpu.othersNanos();
    if (self.isEmpty()) {
      return null;
    }
    long[] counts = new long[pids.size() + 1];
    counts[0] = self.getAsLong();
    for (int i = 0; i < pids.size(); i++) {
      counts[i + 1] = ThreadsCpu.ofProcess(pids.get(i)).orElse(-1); // -1: gone
    }
    return counts;
  }

  /**
   * The wait, on the given CPU counts (one per process; -1 for one that is gone; null when unknown), sleeper and
   * clock; true once a window was quiet, false if the bound came first, the counts are unknown, or the thread was
   * interrupted (its flag kept).
   */
  static boolean await(long windowMillis, long maxWaitMillis, Supplier<long[]> cpuNanos, Sleeper sleeper,
      LongSupplier clock) {
    long quietNanos = Math.round(TimeUnit.MILLISECONDS.toNanos(windowMillis) * QUIET_SHARE);
    long deadline = clock.getAsLong() + TimeUnit.MILLISECONDS.toNanos(maxWaitMillis);
    long[] before = cpuNanos.get();
    while (before != null && clock.getAsLong() < deadline) {
      try {
        sleeper.sleep(windowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
      long[] after = cpuNanos.get();
      if (after != null && quiet(before, after, quietNanos)) {
        return true;
      }
      before = after;
    }
    return false;
  }

  private static boolean quiet(long[] before, long[] after, long quietNanos) {
    for (int i = 0; i < after.length; i++) {
      if (before[i] >= 0 && after[i] >= 0 && after[i] - before[i] > quietNanos) {
        return false;
      }
    }
    return true;
  }
}
