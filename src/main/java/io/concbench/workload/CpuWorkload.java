package io.concbench.workload;

import io.concbench.api.CpuUse;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.math.BigInteger;
import java.util.List;

/** The lesson's {@code heavy_task}: the sum of {@code i*i} for {@code i < n}, in wrapping 64-bit arithmetic. */
public final class CpuWorkload implements Workload {

  /** About 50 ms per task on the reference machine (2 cores, JDK 17); see docs/workloads.md. */
  static final long DEFAULT_N = 150_000_000L;

  static final IntegerParam N =
      ParamSpec.integer("n", "", DEFAULT_N, 1, 1_000_000_000_000L, "loop length of sum(i*i for i < n)");

  /** A loop of arithmetic: all CPU. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES;
  }

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
    long n = values.integer(N.name());
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
    /**
     * The warm-up: calls of the task's loop, each of a few short slices. Here C2 had compiled the loop a
     * third of the way through (about 20 ms in; the whole warm-up takes 50-65 ms).
     */
    static final int WARM_UP_CALLS = 20_000;
    static final long WARM_UP_SLICES = 8;
    static final long WARM_UP_SLICE = 512;

    private SumOfSquares() {}

    static long compute(long n, TaskContext context) {
      return sliced(n, SLICE, context);
    }

    /**
     * The task's loop, {@code sliceLength} iterations of the hot loop between two checkpoints. The warm-up
     * calls it with short slices, real tasks with {@link #SLICE}: one method, so that the code the warm-up
     * compiles is the code every task runs.
     */
    static long sliced(long n, long sliceLength, TaskContext context) {
      long total = 0;
      for (long from = 0; from < n; from += sliceLength) {
        total += slice(from, Math.min(n, from + sliceLength));
        context.checkpoint();
      }
      return total;
    }

    /**
     * The hot loop, in a method of its own so that it is compiled as a normal (not on-stack-replacement)
     * compilation; C2 inlines it into {@link #sliced} during the warm-up.
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

    /**
     * Brings the task's code to the compiled state it keeps for the rest of the JVM's life, in well under
     * 100 ms, the same in every JVM that runs it: concbench's own, each worker JVM, JMH's fork.
     *
     * <p>Warming {@link #slice} alone was not enough: C2 later compiled the task's loop too, with the slice
     * inlined, after about 40 tasks, so a long-lived concbench switched to other code in the middle of its
     * measured runs while a pool's fresh workers, which run a few tasks each, never did (their tasks were
     * slower than the same tasks on concbench's threads: docs/measurement.md has the figures). So the loop
     * itself is warmed, in the shape of a task (several slices with a checkpoint after each), until C2 has
     * compiled it.
     * Three kinds of context take turns: at a call site that has seen three receiver classes C2 compiles an
     * interface call that any context takes, where after seeing one it would inline that one behind a type
     * check that the next executor's context fails, throwing the compiled loop away mid-measurement.
     */
    static void warmUp() {
      TaskContext[] contexts = {new WarmUpContext(), new OtherWarmUpContext(), new ThirdWarmUpContext()};
      long sink = 0;
      for (int i = 0; i < WARM_UP_CALLS; i++) {
        sink += sliced(WARM_UP_SLICES * WARM_UP_SLICE, WARM_UP_SLICE, contexts[i % contexts.length]);
      }
      if (sink == 42) {
        System.err.print("");
      }
    }

    /**
     * Three contexts that do nothing, of three unrelated classes (see warmUp). Not subclasses of one: C2
     * then saw one method behind the three receivers, inlined it behind a type check, and the next
     * executor's context failed it (KernelWarmUpTest).
     */
    private static final class WarmUpContext implements TaskContext {
      @Override
      public void checkpoint() {}

      @Override
      public void sleep(long millis) {}

      @Override
      public void increment() {}
    }

    private static final class OtherWarmUpContext implements TaskContext {
      @Override
      public void checkpoint() {}

      @Override
      public void sleep(long millis) {}

      @Override
      public void increment() {}
    }

    private static final class ThirdWarmUpContext implements TaskContext {
      @Override
      public void checkpoint() {}

      @Override
      public void sleep(long millis) {}

      @Override
      public void increment() {}
    }
  }
}
