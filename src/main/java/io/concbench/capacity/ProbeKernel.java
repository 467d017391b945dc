package io.concbench.capacity;

/** The fixed, allocation-free compute kernel both probes time, compiled before the first measurement. */
final class ProbeKernel {

  /**
   * Iterations: about 120 ms on the reference machine once compiled. Long enough for the scheduler to spread
   * the copies over the cores: with 40 ms, two threads woken together often shared one core next to another
   * busy process, and the probe read 1.05 where a pool got 1.3 (docs/capacity.md).
   */
  static final long ITERATIONS = 360_000_000L;

  private volatile long sink;
  private boolean warmed;

  /** Nanoseconds one run of the kernel took. */
  long time() {
    long start = System.nanoTime();
    sink += kernel(ITERATIONS);
    return System.nanoTime() - start;
  }

  /** The same loop as the cpu workload: integer multiply-add, no memory traffic, no allocation. */
  static long kernel(long iterations) {
    long total = 0;
    for (long i = 0; i < iterations; i++) {
      total += i * i;
    }
    return total;
  }

  /** Compiles the kernel (a normal compilation, not on-stack replacement) and runs it once. */
  void warmUp() {
    if (!warmed) {
      for (int i = 0; i < 20_000; i++) {
        sink += kernel(2_000);
      }
      sink += kernel(ITERATIONS);
      warmed = true;
    }
  }
}
