package io.concbench.engine;

import java.util.SplittableRandom;

/** When each task of a rate run is due, in nanoseconds after the run's start: pure, so tests check it exactly. */
final class ReleaseSchedule {

  private static final double NANOS_PER_S = 1e9;

  private ReleaseSchedule() {}

  /** Task i at i / rate: computed from i, not summed, so rounding does not drift over a long run. */
  static long[] constant(double perSecond, int tasks) {
    long[] offsets = new long[tasks];
    for (int i = 0; i < tasks; i++) {
      offsets[i] = Math.round(i * NANOS_PER_S / perSecond);
    }
    return offsets;
  }

  /**
   * A Poisson process: exponential gaps of mean 1 / rate, summed; the first task at 0 like a constant
   * schedule's. The same seed gives the same schedule.
   */
  static long[] poisson(double perSecond, int tasks, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] offsets = new long[tasks];
    double at = 0;
    for (int i = 0; i < tasks; i++) {
      offsets[i] = Math.round(at);
      // 1 - u lies in (0, 1]: the logarithm is finite.
      at += -Math.log(1 - random.nextDouble()) * NANOS_PER_S / perSecond;
    }
    return offsets;
  }

  /** How many offsets are at or before {@code at}: the tasks released by then (offsets ascend). */
  static int releasedBy(long[] offsets, long at) {
    int low = 0;
    int high = offsets.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (offsets[mid] <= at) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
