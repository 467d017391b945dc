package io.concbench.engine;

import io.concbench.api.BlockingWait;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskFailedException;
import io.concbench.api.TaskKernel;
import io.concbench.executor.Phase;
import io.concbench.executor.RemoteTasks;
import io.concbench.executor.SharedCounter;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.TaskLifecycle;
import io.concbench.executor.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * The engine's side of one run: hands tasks to the executor as a {@link TaskBatch}, and times, verifies and
 * counts each task on whatever thread runs it.
 */
final class RunRecorder implements TaskBatch {

  /** Latencies above an hour are recorded as an hour: a task that long is a hang, not a figure. */
  static final long MAX_LATENCY_NANOS = TimeUnit.HOURS.toNanos(1);
  /** Failures kept with their details per run; the count is always exact. */
  static final int MAX_FAILURE_DETAILS = 100;
  private static final int INITIAL_BUFFER = 4;
  private static final int MAX_BUFFER = 1024;

  private final TaskKernel kernel;
  private final int size;
  private final SharedCounter counter;
  private final Clock clock;
  private final Cancellation cancellation;
  // One histogram for all threads (one per thread would cost ~250 KiB each, too much for thousands of
  // thread-per-task threads), fed in batches from each runner's small buffer: a lock per batch instead of
  // HdrHistogram's Recorder, whose two atomic increments per value were a fifth of the cost of a tiny task.
  private final Histogram latencies = new Histogram(MAX_LATENCY_NANOS, 3);
  // Lock-free: thread-per-task executors create a runner per task, from many threads at once.
  private final Queue<Runner> runners = new ConcurrentLinkedQueue<>();
  private final Remote remote;
  // The largest peak memory of a process that a task started; -1 while none was reported.
  private final AtomicLong childPeakBytes = new AtomicLong(-1);

  RunRecorder(BenchmarkCase benchmarkCase, TaskKernel kernel, SharedCounter counter, Clock clock,
      Cancellation cancellation) {
    this.remote = new Remote();
    this.kernel = kernel;
    this.size = benchmarkCase.tasks();
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

  @Override
  public RemoteTasks remote() {
    return remote;
  }

  /** A latency clamped to what the histogram covers. */
  private static long clamped(long nanos) {
    return Math.min(MAX_LATENCY_NANOS, Math.max(0, nanos));
  }

  private void record(long[] values, int count) {
    synchronized (latencies) {
      for (int i = 0; i < count; i++) {
        latencies.recordValue(values[i]);
      }
    }
  }

  /** The largest peak memory a task reported of a process it started, or -1 if none did. */
  long childPeakBytes() {
    return childPeakBytes.get();
  }

  /** Sums what every runner saw; call after the executor has returned. */
  RunSample finish(long wallNanos, CpuTimes cpu, Map<Phase, Double> phaseMillis, long rssPeakBytes,
      long workerRssPeakBytes) {
    long completed = remote.completed.get();
    long failed = remote.failed.get();
    long unverified = remote.unverified.get();
    long increments = 0;
    String firstFailure = remote.firstFailure();
    // The executor has joined every thread that ran a task, so their plain fields are visible here.
    for (Runner runner : runners) {
      runner.flushLatencies();
      completed += runner.completed;
      failed += runner.failed;
      unverified += runner.unverified;
      increments += runner.increments;
      if (firstFailure == null) {
        firstFailure = runner.firstFailure;
      }
    }
    Histogram histogram;
    synchronized (latencies) {
      histogram = latencies.copy();
    }
    return new RunSample(wallNanos, cpu, histogram, completed, failed, unverified, increments, counter.get(),
        firstFailure, remote.failures(), remote.timedOut.get(), phaseMillis, rssPeakBytes,
        workerRssPeakBytes);
  }

  /** Outcomes of tasks that ran in other processes, reported from any thread. */
  private final class Remote implements RemoteTasks {
    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong unverified = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private final List<TaskFailure> failures = new ArrayList<>();
    private String firstUnverified;

    @Override
    public void completed(int index, long result, long latencyNanos) {
      if (!kernel.verify(index, result)) {
        unverified.incrementAndGet();
        synchronized (this) {
          if (firstUnverified == null) {
            firstUnverified = "task " + index + " returned " + result + ", which does not verify";
          }
        }
      }
      completed.incrementAndGet();
      synchronized (latencies) {
        latencies.recordValue(clamped(latencyNanos));
      }
    }

    @Override
    public void failed(TaskFailure failure) {
      failed.incrementAndGet();
      detail(failure);
    }

    /** Keeps the details of a failure counted elsewhere: an in-process task's, counted by its runner. */
    void detail(TaskFailure failure) {
      if (failure.timedOut()) {
        timedOut.incrementAndGet();
      }
      synchronized (this) {
        if (failures.size() < MAX_FAILURE_DETAILS) {
          failures.add(failure);
        }
      }
    }

    synchronized List<TaskFailure> failures() {
      return List.copyOf(failures);
    }

    synchronized String firstFailure() {
      if (!failures.isEmpty()) {
        TaskFailure f = failures.get(0);
        return "task " + f.task() + " failed: " + f.reason();
      }
      return firstUnverified;
    }
  }

  private final class Runner implements TaskRunner, TaskContext {
    private final TaskContext context;
    private final TaskLifecycle lifecycle;
    private long completed;
    private long failed;
    private long unverified;
    private long increments;
    private String firstFailure;
    // Latencies not yet in the shared histogram. Small at first: thread-per-task makes a runner per task.
    private long[] pendingLatencies = new long[INITIAL_BUFFER];
    private int pendingCount;

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
      } catch (TaskFailedException e) {
        failed++;
        noteFailure("task " + index + " failed: " + e.getMessage());
        remote.detail(new TaskFailure(index, e.getMessage(), e.pid(), e.exitStatus(), e.timedOut(),
            e.stderrTail()));
      } catch (Throwable e) { // a task's own failure, even an Error, is a result to report, not a crash
        failed++;
        noteFailure("task " + index + " failed: " + e);
        remote.detail(new TaskFailure(index, e.toString(), -1, null, false, null));
      }
      completed++;
      recordLatency(clock.nanoTime() - start);
    }

    private void recordLatency(long nanos) {
      if (pendingCount == pendingLatencies.length) {
        if (pendingLatencies.length < MAX_BUFFER) {
          pendingLatencies = java.util.Arrays.copyOf(pendingLatencies, pendingLatencies.length * 4);
        } else {
          flushLatencies();
        }
      }
      pendingLatencies[pendingCount++] = clamped(nanos);
    }

    /** Moves the buffered latencies to the shared histogram; by the runner's thread, or after it has ended. */
    void flushLatencies() {
      record(pendingLatencies, pendingCount);
      pendingCount = 0;
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

    @Override
    public <T> T blocking(BlockingWait<T> wait) throws InterruptedException {
      return cancellation.await(wait);
    }

    @Override
    public void childPeakMemory(long bytes) {
      childPeakBytes.accumulateAndGet(bytes, Math::max);
    }
  }
}
