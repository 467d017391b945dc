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
import java.util.concurrent.atomic.AtomicLongArray;
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
  // A rate run's schedule and figures; null for a closed run, whose tasks start as soon as a thread is free.
  private final Pacing pacing;

  RunRecorder(BenchmarkCase benchmarkCase, TaskKernel kernel, SharedCounter counter, Clock clock,
      Cancellation cancellation) {
    this(benchmarkCase, kernel, counter, clock, cancellation, Pacer.parking(clock, cancellation));
  }

  RunRecorder(BenchmarkCase benchmarkCase, TaskKernel kernel, SharedCounter counter, Clock clock,
      Cancellation cancellation, Pacer pacer) {
    this.pacing = benchmarkCase.rate() == null ? null
        : new Pacing(benchmarkCase.rate(), benchmarkCase.tasks(), pacer);
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

  @Override
  public boolean awaitRelease(int index) {
    if (pacing == null) {
      return !cancelled();
    }
    long due = pacing.due(index);
    try {
      if (clock.nanoTime() < due) {
        pacing.pacer.waitUntil(due);
      }
    } catch (Cancellation.CancelledException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
    // Behind schedule or woken late, the generator's own error: the task's thread starts only now.
    pacing.lateness(clock.nanoTime() - due);
    return !cancelled();
  }

  @Override
  public long dueNanos(int index) {
    return pacing == null ? -1 : pacing.due(index);
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

  /**
   * Starts a rate run's schedule: task i is due {@code startNanos} plus its offset. Called by the engine just
   * before the executor's {@code execute}; nothing for a closed run.
   */
  void startSchedule(long startNanos) {
    if (pacing != null) {
      pacing.start = startNanos;
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
        workerRssPeakBytes, pacing == null ? null : pacing.sample());
  }

  /**
   * A rate run's schedule and its four histograms. Recorded under one lock per task: at the rates an
   * open-loop run offers (thousands a second) that costs nothing next to the schedule's own waits.
   */
  private static final class Pacing {
    private final long[] offsets;
    private final int maxQueue;
    private final Pacer pacer;
    private volatile long start;
    private final Histogram latency = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram queue = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram service = new Histogram(MAX_LATENCY_NANOS, 3);
    private final Histogram lateness = new Histogram(MAX_LATENCY_NANOS, 3);
    private final AtomicLong dropped = new AtomicLong();
    // When each task was handed to a worker process (process executors only): its queueing ends there.
    private final AtomicLongArray dispatched;

    Pacing(RateLoad rate, int tasks, Pacer pacer) {
      this.offsets = rate.releaseOffsets(tasks);
      this.dispatched = new AtomicLongArray(tasks);
      this.maxQueue = rate.maxQueue();
      this.pacer = pacer;
    }

    long due(int index) {
      return start + offsets[index];
    }

    /**
     * True if task {@code index}, taken at {@code now} after its release, must be dropped: more than
     * --max-queue tasks, itself included, are released and not yet taken. Executors take tasks in index
     * order, so those are the tasks from {@code index} to the last one due by now; the oldest is dropped.
     */
    boolean overflows(int index, long now) {
      return maxQueue > 0 && ReleaseSchedule.releasedBy(offsets, now - start) - index > maxQueue;
    }

    synchronized void record(long due, long started, long ended) {
      queue.recordValue(clamped(started - due));
      service.recordValue(clamped(ended - started));
      latency.recordValue(clamped(ended - due));
    }

    synchronized void lateness(long nanos) {
      lateness.recordValue(clamped(nanos));
    }

    synchronized RateSample sample() {
      return new RateSample(latency.copy(), queue.copy(), service.copy(), lateness.copy(), dropped.get());
    }
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
      if (pacing != null) {
        // Service runs from the hand-over to the result's arrival: the worker's time and both pipes.
        pacing.record(pacing.due(index), pacing.dispatched.get(index), clock.nanoTime());
      }
    }

    @Override
    public void dispatched(int index, long nanos) {
      if (pacing != null) {
        pacing.dispatched.set(index, nanos);
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
      long due = 0;
      if (pacing != null) {
        due = pacing.due(index);
        try {
          if (!release(index, due)) {
            return;
          }
        } catch (Cancellation.CancelledException e) {
          return;
        } catch (InterruptedException e) {
          // Not the user's Ctrl-C (that is a CancelledException): the task never ran, which is a failure.
          Thread.currentThread().interrupt();
          failed++;
          noteFailure("task " + index + " was interrupted while waiting for its release");
          return;
        }
      }
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
      long end = clock.nanoTime();
      recordLatency(end - start);
      if (pacing != null) {
        pacing.record(due, start, end);
      }
    }

    /**
     * Holds the task until it is due. A task taken early waits, and how late it then wakes is the
     * generator's lateness; a task taken late starts at once, its delay counted as queueing from the time
     * it was due, never from when a thread got to it: that is what keeps a stall from hiding the tasks
     * behind it (coordinated omission). False if the task is dropped.
     */
    private boolean release(int index, long due) throws InterruptedException {
      long now = clock.nanoTime();
      if (now < due) {
        pacing.pacer.waitUntil(due);
        pacing.lateness(clock.nanoTime() - due);
        return true;
      }
      if (pacing.overflows(index, now)) {
        pacing.dropped.incrementAndGet();
        return false;
      }
      return true;
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
