package io.concbench.capacity;

/** The arithmetic of the capacity probe, apart from any timing so that it can be tested exactly. */
public final class CapacityMath {

  /** Below this share of the cores asked for, a result gets a warning that the machine held it back. */
  public static final double LOW_CAPACITY_SHARE = 0.8;

  private CapacityMath() {}

  /**
   * The parallel capacity for k workers: the sum of the k copies' speeds, each relative to the kernel run
   * alone, Σ t_alone / t_i. 2.0 means two full cores; 1.0 means k copies each ran k times slower.
   *
   * <p>Not k × t_alone / max(t_i), the slowest copy: when the scheduler shares cores unfairly (another
   * process on one core), the slowest copy says what a static split of work gets, but pools share work
   * dynamically and get what every core gives (docs/capacity.md has the measurements). In a quiet minute
   * the two agree.
   */
  public static double capacity(int k, long aloneNanos, long[] togetherNanos) {
    if (k < 1 || aloneNanos <= 0 || togetherNanos.length != k) {
      throw new IllegalArgumentException("need k >= 1, a positive time alone and k times together");
    }
    double capacity = 0;
    for (long t : togetherNanos) {
      if (t <= 0) {
        throw new IllegalArgumentException("times together must be positive");
      }
      capacity += (double) aloneNanos / t;
    }
    return capacity;
  }

  /** True if the machine gave clearly less than the k cores a result asked for. */
  public static boolean lowCapacity(double capacity, int k) {
    return capacity < LOW_CAPACITY_SHARE * k;
  }
}
