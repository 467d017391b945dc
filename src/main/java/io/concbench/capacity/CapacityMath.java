package io.concbench.capacity;

/** The arithmetic of the capacity probe, apart from any timing so that it can be tested exactly. */
public final class CapacityMath {

  /**
   * A copy that ran together this much faster than the kernel alone says that the time alone was
   * disturbed (the host took the core while it ran), not that the copy had more than a core.
   */
  static final double DISTURBED_ALONE = 0.95;

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
   *
   * <p>No copy counts for more than a core: one that ran faster together than alone was measured against
   * a disturbed time alone (the probes time alone again when {@link #aloneWasDisturbed} says so, and keep
   * the faster), and without the cap one slow moment alone read as 3.9 cores of 2.
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
      capacity += Math.min(1.0, (double) aloneNanos / t);
    }
    return capacity;
  }

  /** True if some copy ran clearly faster together than the kernel alone: the time alone is suspect. */
  public static boolean aloneWasDisturbed(long aloneNanos, long[] togetherNanos) {
    for (long t : togetherNanos) {
      if (t < DISTURBED_ALONE * aloneNanos) {
        return true;
      }
    }
    return false;
  }

  /** True if the machine gave clearly less than the k cores a result asked for. */
  public static boolean lowCapacity(double capacity, int k) {
    return capacity < LOW_CAPACITY_SHARE * k;
  }
}
