package io.concbench.capacity;

/** The arithmetic of the capacity probe, apart from any timing so that it can be tested exactly. */
public final class CapacityMath {

  /** Below this share of the cores asked for, a result gets a warning that the machine held it back. */
  public static final double LOW_CAPACITY_SHARE = 0.8;

  private CapacityMath() {}

  /**
   * The parallel capacity for k workers: k × (time of the kernel alone) / (time until the slowest of k
   * copies run together finished). 2.0 means two full cores; 1.0 means k copies took k times as long.
   */
  public static double capacity(int k, long aloneNanos, long[] togetherNanos) {
    if (k < 1 || aloneNanos <= 0 || togetherNanos.length != k) {
      throw new IllegalArgumentException("need k >= 1, a positive time alone and k times together");
    }
    long slowest = 0;
    for (long t : togetherNanos) {
      slowest = Math.max(slowest, t);
    }
    return k * (double) aloneNanos / slowest;
  }

  /** True if the machine gave clearly less than the k cores a result asked for. */
  public static boolean lowCapacity(double capacity, int k) {
    return capacity < LOW_CAPACITY_SHARE * k;
  }
}
