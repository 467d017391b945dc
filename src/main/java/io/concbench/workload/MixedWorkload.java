package io.concbench.workload;

import io.concbench.api.CpuUse;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;

/** CPU work then an I/O wait in one task: what most real request handlers look like. */
public final class MixedWorkload implements Workload {

  static final IntegerParam N = ParamSpec.integer(
      "n", "", CpuWorkload.DEFAULT_N / 2, 1, 1_000_000_000_000L, "loop length of the CPU part");
  static final IntegerParam SLEEP_MS =
      ParamSpec.integer("sleep-ms", "ms", 25, 0, 600_000, "wait after the CPU part, using no CPU");

  /** A loop, then a wait. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES_AND_WAITS;
  }

  @Override
  public String name() {
    return "mixed";
  }

  @Override
  public String description() {
    return "CPU part (sum of i*i for i < n) then an I/O wait of sleep-ms, in one task";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(N, SLEEP_MS);
  }

  @Override
  public int defaultTasks() {
    return 16;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    long n = values.integer(N.name());
    long sleepMs = values.integer(SLEEP_MS.name());
    long expected = CpuWorkload.SumOfSquares.closedForm(n);
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) throws InterruptedException {
        long sum = CpuWorkload.SumOfSquares.compute(n, context);
        context.sleep(sleepMs);
        return sum;
      }

      @Override
      public boolean verify(int index, long result) {
        return result == expected;
      }

      @Override
      public void warmUp() {
        CpuWorkload.SumOfSquares.warmUp();
      }
    };
  }
}
