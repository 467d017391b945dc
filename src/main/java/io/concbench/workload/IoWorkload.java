package io.concbench.workload;

import io.concbench.api.CpuUse;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;

/** Simulated I/O: each task waits {@code sleep-ms} without using the CPU, as a network call would. */
public final class IoWorkload implements Workload {

  static final IntegerParam SLEEP_MS =
      ParamSpec.integer("sleep-ms", "ms", 100, 0, 600_000, "time each task waits, using no CPU");

  /** It waits, and computes next to nothing. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES_AND_WAITS;
  }

  @Override
  public String name() {
    return "io";
  }

  @Override
  public String description() {
    return "I/O-bound wait: each task sleeps sleep-ms, using no CPU (a stand-in for a network call)";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(SLEEP_MS);
  }

  @Override
  public int defaultTasks() {
    return 20;
  }

  /** Waiting uses no core: the tasks overlap on any machine, so no capacity probe for this work. */
  @Override
  public boolean boundByCores() {
    return false;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    long sleepMs = values.integer(SLEEP_MS.name());
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) throws InterruptedException {
        context.sleep(sleepMs);
        return index;
      }

      @Override
      public boolean verify(int index, long result) {
        return result == index;
      }
    };
  }
}
