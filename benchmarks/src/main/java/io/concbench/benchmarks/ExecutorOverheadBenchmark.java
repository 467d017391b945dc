package io.concbench.benchmarks;

import io.concbench.api.ParamValues;
import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkEngine;
import io.concbench.engine.BenchmarkPlan;
import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.engine.EngineDependencies;
import io.concbench.engine.Progress;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.workload.WorkloadRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's cost per task on each in-process executor: one whole measured run of {@value #TASKS}
 * {@code tiny} tasks (dispatch, per-task timing and verification, latency recording), divided by the task
 * count. The run's fixed costs (binding the kernel, opening the executor) are spread over the tasks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExecutorOverheadBenchmark {

  static final int TASKS = 100_000;

  @Param({"single", "thread-pool"})
  String executor;

  @Param({"2"})
  int workers;

  private BenchmarkEngine engine;
  private List<BenchmarkCase> group;

  @Setup
  public void plan() {
    BenchmarkPlan.WorkloadChoice tiny = new BenchmarkPlan.WorkloadChoice(
        WorkloadRegistry.find("tiny").orElseThrow(), ParamValues.defaults(WorkloadRegistry.find("tiny").orElseThrow()), TASKS);
    BenchmarkPlan plan = BenchmarkPlan.of(List.of(tiny), List.of(ExecutorRegistry.find(executor).orElseThrow()),
        List.of(Guard.SYNCHRONIZED), new ExecutorSettings(workers, 5_000_000), null, 0, 1, null);
    group = plan.groups().get(0);
    // As its four-argument constructor did before, so that the per-task figures stay comparable.
    engine = new BenchmarkEngine(EngineDependencies.of(Clock.SYSTEM, CpuClock.system(), new Cancellation(),
        Progress.NONE).withPeakMemory(io.concbench.system.PeakMemory.SYSTEM));
  }

  @Benchmark
  @OperationsPerInvocation(TASKS)
  public Object runTinyTasks() throws InterruptedException {
    return engine.runGroup(group, 0, 1, 0, 1);
  }
}
