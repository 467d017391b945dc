package io.concbench.workload;

import io.concbench.api.TaskContext;
/**
 * Run in a JVM of its own by {@link KernelWarmUpTest}: the cpu kernel's warm-up, a marker, then tasks whose
 * checkpoints go to contexts of two classes the warm-up never saw, as concbench's executors' are.
 */
public final class KernelWarmUpProbe {

  static final String WARMED = "concbench-probe: warmed";
  static final String DONE = "concbench-probe: done";

  private KernelWarmUpProbe() {}

  public static void main(String[] args) {
    CpuWorkload.SumOfSquares.warmUp();
    System.out.println(WARMED);
    System.out.flush();
    TaskContext[] executors = {new PlainContext(), new RecordingContext()};
    long n = 20 * CpuWorkload.SumOfSquares.SLICE;
    for (int round = 0; round < 3; round++) {
      for (TaskContext context : executors) {
        if (CpuWorkload.SumOfSquares.compute(n, context) != CpuWorkload.SumOfSquares.closedForm(n)) {
          throw new AssertionError("wrong sum");
        }
      }
    }
    System.out.println(DONE);
    System.out.flush();
  }
}
