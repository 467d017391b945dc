package io.concbench.workload;

import java.math.BigInteger;
import java.util.List;

/** The lesson's {@code heavy_task}: the sum of {@code i*i} for {@code i < n}, in wrapping 64-bit arithmetic. */
public final class CpuWorkload implements Workload {

  /** About 50 ms per task on the reference machine (2 cores, JDK 17); see docs/workloads.md. */
  static final long DEFAULT_N = 150_000_000L;

  static final ParamSpec N =
      new ParamSpec("n", "", DEFAULT_N, 1, 1_000_000_000_000L, "loop length of sum(i*i for i < n)");

  @Override
  public String name() {
    return "cpu";
  }

  @Override
  public String description() {
    return "CPU-bound loop: sum of i*i for i < n (the lesson's heavy_task), checked against the closed form";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(N);
  }

  @Override
  public int defaultTasks() {
    return 16;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    long n = values.get(N.name());
    long expected = SumOfSquares.closedForm(n);
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) {
        return SumOfSquares.compute(n, context);
      }

      @Override
      public boolean verify(int index, long result) {
        return result == expected;
      }

      @Override
      public void warmUp() {
        SumOfSquares.warmUp();
      }
    };
  }

  /** The kernel, shared with {@link MixedWorkload}. */
  static final class SumOfSquares {
    /** Iterations between two checkpoints: about 20 µs of work, far below a 5 ms GIL switch interval. */
    static final long SLICE = 1 << 16;

    private SumOfSquares() {}

    static long compute(long n, TaskContext context) {
      long total = 0;
      for (long from = 0; from < n; from += SLICE) {
        total += slice(from, Math.min(n, from + SLICE));
        context.checkpoint();
      }
      return total;
    }

    /**
     * The hot loop, in a method of its own so it is compiled once, as a normal (not on-stack-replacement)
     * compilation, whatever context type the caller passes.
     */
    static long slice(long from, long to) {
      long total = 0;
      for (long i = from; i < to; i++) {
        total += i * i;
      }
      return total;
    }

    /** (n-1)·n·(2n-1)/6, reduced modulo 2^64 as the loop's wrapping arithmetic is. */
    static long closedForm(long n) {
      BigInteger big = BigInteger.valueOf(n);
      return big.subtract(BigInteger.ONE)
          .multiply(big)
          .multiply(big.shiftLeft(1).subtract(BigInteger.ONE))
          .divide(BigInteger.valueOf(6))
          .longValue();
    }

    /** Enough short calls to pass C2's compile thresholds for {@link #slice}, in well under 100 ms. */
    static void warmUp() {
      long sink = 0;
      for (int i = 0; i < 40_000; i++) {
        sink += slice(i, i + 2_000);
      }
      if (sink == 42) {
        System.err.print("");
      }
    }
  }
}
