package io.concbench.benchmarks;

import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.workload.WorkloadRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code cpu} workload's task, timed by JMH itself: the reference that concbench's own per-task figure
 * for the same code (p50 task latency of {@code run --workload cpu --executor single}) is checked against.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(2)
public class CpuKernelBenchmark {

  /** concbench's default n. */
  @Param({"150000000"})
  long n;

  private TaskKernel kernel;

  /** What the single executor gives a task: a checkpoint that only checks a flag, a real sleep. */
  private final TaskContext context = new TaskContext() {
    private volatile boolean cancelled;

    @Override
    public void checkpoint() {
      if (cancelled) {
        throw new IllegalStateException("cancelled");
      }
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }

    @Override
    public void increment() {}
  };

  @Setup
  public void bind() {
    kernel = WorkloadRegistry.find("cpu").orElseThrow().bind(ParamValues.resolve(WorkloadRegistry.find("cpu").orElseThrow(), Map.of("n", Long.toString(n))));
    // As concbench does before its runs: JMH's warm-up iterations alone would compile the task's loop for
    // this one context class, not the code concbench's executors run (docs/measurement.md).
    kernel.warmUp();
  }

  @Benchmark
  public long sumOfSquaresTask() throws InterruptedException {
    long result = kernel.run(0, context);
    if (!kernel.verify(0, result)) {
      throw new IllegalStateException("wrong result " + result);
    }
    return result;
  }
}
