package io.concbench.benchmarks;

import io.concbench.executor.Guard;
import io.concbench.executor.SharedCounter;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** One update of the shared counter through each guard, uncontended (1 thread) and contended (2 threads). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class GuardBenchmark {

  @Param({"none", "synchronized", "reentrant", "atomic", "adder"})
  String guard;

  private SharedCounter counter;

  @Setup
  public void create() {
    counter = Guard.fromLabel(guard).newCounter();
  }

  @Benchmark
  @Threads(1)
  public void oneThread() {
    counter.increment();
  }

  @Benchmark
  @Threads(2)
  public void twoThreads() {
    counter.increment();
  }
}
