package io.concbench.workload;

import io.concbench.api.CpuUse;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;

/** An almost empty task, so that what is measured is the executor's own cost per task. */
public final class TinyWorkload implements Workload {

  /** A few arithmetic instructions: all CPU, the executor's own overhead. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES;
  }

  @Override
  public String name() {
    return "tiny";
  }

  @Override
  public String description() {
    return "almost empty task (returns a function of its index): measures an executor's per-task overhead";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of();
  }

  @Override
  public int defaultTasks() {
    return 100_000;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) {
        return mix(index);
      }

      @Override
      public boolean verify(int index, long result) {
        return result == mix(index);
      }
    };
  }

  /** A cheap function of the index, so a result cannot be confused with the index of another task. */
  static long mix(int index) {
    return index * 0x9E3779B97F4A7C15L;
  }
}
