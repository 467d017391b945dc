package io.concbench.engine;

import io.concbench.executor.SharedCounter;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskLifecycle;
import io.concbench.executor.TaskRunner;
import io.concbench.workload.TaskContext;
import io.concbench.workload.TaskKernel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The engine's side of one run: hands tasks to the executor as a {@link TaskBatch}, and times, verifies and
 * counts each task on whatever thread runs it.
 */
final class RunRecorder implements TaskBatch {

  /** Latencies above an hour are recorded as an hour: a task that long is a hang, not a figure. */
  static final long MAX_LATENCY_NANOS = TimeUnit.HOURS.toNanos(1);

  private final TaskKernel kernel;
  private final int size;
  private final SharedCounter counter;
  private final Clock clock;
  private final Cancellation cancellation;
  // One wait-free recorder for all threads: a histogram per thread would cost ~250 KiB each, too much for
  // thousands of thread-per-task threads.
  private final Recorder latencies = new Recorder(MAX_LATENCY_NANOS, 3);
  // Lock-free: thread-per-task executors create a runner per task, from many threads at once.
  private final Queue<Runner> runners = new ConcurrentLinkedQueue<>();

  RunRecorder(TaskKernel kernel, int size, SharedCounter counter, Clock clock, Cancellation cancellation) {
    this.kernel = kernel;
    this.size = size;
    this.counter = counter;
    this.clock = clock;
    this.cancellation = cancellation;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean cancelled() {
    return cancellation.isCancelled();
  }

  @Override
  public TaskRunner newRunner(UnaryOperator<TaskContext> decorate) {
    Runner runner = new Runner(decorate);
    runners.add(runner);
    return runner;
  }

  /** Sums what every runner saw; call after the executor has returned. */
  RunSample finish(long wallNanos, CpuTimes cpu) {
    long completed = 0;
    long failed = 0;
    long unverified = 0;
    long increments = 0;
    String firstFailure = null;
    // The executor has joined every thread that ran a task, so their plain fields are visible here.
    for (Runner runner : runners) {
      completed += runner.completed;
      failed += runner.failed;
      unverified += runner.unverified;
      increments += runner.increments;
      if (firstFailure == null) {
        firstFailure = runner.firstFailure;
      }
    }
    Histogram histogram = latencies.getIntervalHistogram();
    return new RunSample(wallNanos, cpu, histogram, completed, failed, unverified, increments, counter.get(),
        firstFailure);
  }

  private final class Runner implements TaskRunner, TaskContext {
    private final TaskContext context;
    private final TaskLifecycle lifecycle;
    private long completed;
    private long failed;
    private long unverified;
    private long increments;
    private String firstFailure;

    Runner(UnaryOperator<TaskContext> decorate) {
      this.context = decorate.apply(this);
      this.lifecycle = context instanceof TaskLifecycle l ? l : null;
    }

    @Override
    public void run(int index) {
      long start = clock.nanoTime();
      try {
        if (lifecycle != null) {
          lifecycle.enterTask();
        }
        long result;
        try {
          result = kernel.run(index, context);
        } finally {
          if (lifecycle != null) {
            lifecycle.exitTask();
          }
        }
        if (!kernel.verify(index, result)) {
          unverified++;
          noteFailure("task " + index + " returned " + result + ", which does not verify");
        }
      } catch (Cancellation.CancelledException e) {
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (cancellation.isCancelled()) {
          return;
        }
        failed++;
        noteFailure("task " + index + " was interrupted");
      } catch (Throwable e) { // a task's own failure, even an Error, is a result to report, not a crash
        failed++;
        noteFailure("task " + index + " failed: " + e);
      }
      completed++;
      latencies.recordValue(Math.min(MAX_LATENCY_NANOS, Math.max(0, clock.nanoTime() - start)));
    }

    private void noteFailure(String message) {
      if (firstFailure == null) {
        firstFailure = message;
      }
    }

    // The engine's own context, under any decorators: cancellation and the counter.

    @Override
    public void checkpoint() {
      cancellation.check();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      cancellation.sleep(millis);
    }

    @Override
    public void increment() {
      counter.increment();
      increments++;
    }
  }
}
