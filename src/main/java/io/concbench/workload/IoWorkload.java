package io.concbench.workload;

import io.concbench.api.CpuUse;
import io.concbench.api.IntegerParam;
import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;
import java.util.Set;

/**
 * Simulated I/O: each task waits {@code sleep-ms} without using the CPU, as a network call would; with
 * {@code stall-every} N, every Nth task waits {@code stall-ms} instead, by task index so that every run
 * stalls at the same tasks (what shows coordinated omission: docs/measurement.md).
 */
public final class IoWorkload implements Workload, ParamsAddedLater {

  static final IntegerParam SLEEP_MS =
      ParamSpec.integer("sleep-ms", "ms", 100, 0, 600_000, "time each task waits, using no CPU");
  static final IntegerParam STALL_EVERY = ParamSpec.integer("stall-every", "", 0, 0, 1_000_000_000,
      "every Nth task (task i with (i+1) % N == 0) waits stall-ms instead; 0: none stalls");
  static final IntegerParam STALL_MS =
      ParamSpec.integer("stall-ms", "ms", 1000, 0, 600_000, "what a stalling task waits instead of sleep-ms");

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
    return List.of(SLEEP_MS, STALL_EVERY, STALL_MS);
  }

  /** The stall came later: reports written before it say only sleep-ms. */
  @Override
  public Set<String> reportedOnlyWhenSet() {
    return Set.of(STALL_EVERY.name(), STALL_MS.name());
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
    long stallEvery = values.integer(STALL_EVERY.name());
    long stallMs = values.integer(STALL_MS.name());
    return new TaskKernel() {
      @Override
      public long run(int index, TaskContext context) throws InterruptedException {
        context.sleep(stalls(index, stallEvery) ? stallMs : sleepMs);
        return index;
      }

      @Override
      public boolean verify(int index, long result) {
        return result == index;
      }
    };
  }

  /** Whether task {@code index} stalls: the Nth, 2Nth, ... task, counting from 1. */
  static boolean stalls(int index, long every) {
    return every > 0 && (index + 1L) % every == 0;
  }
}
