package io.concbench.workload;

import io.concbench.api.CpuUse;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;

/**
 * The lesson's race demo: each task adds one to a shared counter {@code increments} times. Whether updates
 * are lost depends on the counter's guard ({@code --guard}), not on this class.
 */
public final class CounterWorkload implements Workload {

  static final IntegerParam INCREMENTS = ParamSpec.integer(
      "increments", "", 100_000, 1, 1_000_000_000L, "updates of the shared counter per task");

  /** Updates between two checkpoints: a few microseconds of work. */
  private static final int SLICE = 1 << 12;

  /** Increments, with whatever waiting the guard makes: a lock's waits are the executor's, not the work's. */
  @Override
  public CpuUse cpuUse() {
    return CpuUse.COMPUTES;
  }

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public String description() {
    return "shared counter: each task increments it `increments` times through the chosen --guard";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(INCREMENTS);
  }

  @Override
  public int defaultTasks() {
    // 20 tasks of the lesson's 100 000 updates: long enough to time (about 15 ms on one thread).
    return 20;
  }

  @Override
  public boolean usesCounter() {
    return true;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    long increments = values.integer(INCREMENTS.name());
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) {
        for (long done = 0; done < increments; ) {
          long sliceEnd = Math.min(increments, done + SLICE);
          for (; done < sliceEnd; done++) {
            context.increment();
          }
          context.checkpoint();
        }
        return increments;
      }

      @Override
      public boolean verify(int index, long result) {
        return result == increments;
      }
    };
  }
}
