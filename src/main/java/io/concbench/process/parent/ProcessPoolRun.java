package io.concbench.process.parent;

import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.Frame;
import io.concbench.system.ProcessCpu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run of the {@code process-pool} executor: W worker JVMs started in parallel before the timed region,
 * fed chunks of task indices over their stdin, answering over their stdout. What goes where, and what
 * becomes of a worker's tasks when it dies, is the {@link ChunkScheduler}'s; this class owns the threads,
 * the one lock around the scheduler, and the processes.
 *
 * <p>A reader thread per worker takes its results and, when the next chunks are small (see
 * {@link WorkerSlot#DIRECT_WRITE_BYTES}), writes them to that worker at once: handing each result to
 * another thread to send the next chunk cost a thread wake-up per chunk, tens of microseconds on a small VM,
 * most of the cost of sending tiny tasks one by one. The thread that called {@link #execute} (the
 * dispatcher) writes the larger chunks, replaces workers and enforces --task-timeout. A worker that dies is
 * seen at once (end of its stream) by its reader.
 */
final class ProcessPoolRun implements ExecutorRun, PoolReader.Run {

  private static final long EXIT_WAIT_MILLIS = 5_000;

  private final ProcessSettings settings;
  private final WorkloadSpec workload;
  private final WorkerCommand command;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the dispatcher has something to do: all accounted, a worker gone, a chunk to write. */
  private final Condition dispatcherWanted = lock.newCondition();
  private final ChunkScheduler<ProcessLink> scheduler;
  /** Workers asked to leave after --max-tasks-per-child: close() waits for them too. Guarded by the lock. */
  private final List<WorkerSlot<ProcessLink>> retired = new ArrayList<>();
  /** The dispatcher has been called since it last looked (a flag, so that no call is lost while it works). */
  private boolean dispatcherCalled;
  /** Guarded by the lock. */
  private final ChildAccounting accounting = ChildAccounting.poolWorkers();

  ProcessPoolRun(int workers, ProcessSettings settings, WorkloadSpec workload, WorkerCommand command) {
    this.settings = settings;
    this.workload = workload;
    this.command = command;
    this.scheduler = new ChunkScheduler<>(SchedulePolicy.pool(workers, settings), System::nanoTime,
        this::callDispatcher);
    long start = System.nanoTime();
    List<WorkerProcess> started = new ArrayList<>();
    try {
      // Start every JVM first, then wait for each: they boot in parallel.
      for (int i = 0; i < workers; i++) {
        started.add(WorkerProcess.start(command));
      }
      List<WorkerProcess> ready = new ArrayList<>();
      for (WorkerProcess worker : started) {
        worker.setUp(setup());
        ready.add(worker);
      }
      lock.lock();
      try {
        ready.forEach(this::attach);
      } finally {
        lock.unlock();
      }
    } catch (IOException e) {
      started.forEach(WorkerProcess::kill);
      throw new UncheckedIOException("process-pool: " + e.getMessage(), e);
    }
    accounting.poolStarted(System.nanoTime() - start);
  }

  /**
   * What every worker is told: the workload, and to warm it up before the timed region, as every executor
   * must time the same compiled code (docs/measurement.md); to report task starts for --task-timeout.
   */
  private Frame.Setup setup() {
    return new Frame.Setup(workload.name(), workload.params(), settings.payloadBytes(),
        settings.taskTimeoutNanos() > 0, true);
  }

  /** Adds a ready worker to the pool and starts its reader; with the lock held, so its death is seen. */
  private void attach(WorkerProcess worker) {
    PoolReader.start(scheduler.attach(new ProcessLink(worker, settings.payloadBytes())), this);
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    Releases releases = new Releases(batch);
    lock.lock();
    try {
      if (releases.paced()) {
        scheduler.beginPaced(batch.size(), batch.remote());
      } else {
        scheduler.begin(batch.size(), batch.remote());
      }
      accounting.runStarts(livePids());
      while (!scheduler.finished()) {
        if (batch.cancelled()) {
          scheduler.cancel();
          return;
        }
        scheduler.releaseUpTo(releases.due(System.nanoTime()));
        startReplacements();
        for (WorkerSlot<ProcessLink> slot : scheduler.liveWorkers()) {
          fill(slot, true);
        }
        scheduler.expireOverdue(System.nanoTime());
        if (!scheduler.finished() && !dispatcherCalled) {
          long now = System.nanoTime();
          dispatcherWanted.awaitNanos(Math.min(scheduler.pollNanos(now), releases.nanosToNext(now)));
        }
        dispatcherCalled = false;
      }
      accounting.runEnds(livePids());
    } finally {
      scheduler.end();
      lock.unlock();
    }
  }

  private List<Long> livePids() {
    List<Long> pids = new ArrayList<>();
    for (WorkerSlot<ProcessLink> slot : scheduler.liveWorkers()) {
      pids.add(slot.link().pid());
    }
    return pids;
  }

  /**
   * Sends a worker the chunks the scheduler has for it, with the lock held on entry and exit but not during
   * the write. A reader thread ({@code dispatcher} false) is given only chunks whose write cannot block.
   */
  private void fill(WorkerSlot<ProcessLink> slot, boolean dispatcher) {
    while (true) {
      List<Chunk> chunks = scheduler.take(slot, dispatcher);
      if (chunks.isEmpty()) {
        return;
      }
      IOException failure = null;
      lock.unlock();
      try {
        slot.link().send(chunks);
      } catch (IOException e) {
        failure = e;
      } finally {
        lock.lock();
        scheduler.written(slot);
      }
      if (failure != null) {
        scheduler.kill(slot, "could not send to the worker: " + failure.getMessage());
      }
    }
  }

  /** A worker's task starts: the --task-timeout clock runs from here. */
  @Override
  public void started(WorkerSlot<ProcessLink> slot, int index, long nanos) {
    lock.lock();
    try {
      scheduler.started(slot, index, nanos);
    } finally {
      lock.unlock();
    }
  }

  /** A chunk's results: counted, and the worker is sent its next chunk, or retired. */
  @Override
  public void replied(WorkerSlot<ProcessLink> slot, Frame.Results results, long lookedNanos, long arrivedNanos) {
    lock.lock();
    try {
      switch (scheduler.replied(slot, results, lookedNanos, arrivedNanos)) {
        case SEND -> fill(slot, false); // after the last of results written together: their next chunks in one write
        case RETIRE -> retire(slot);
        case NOTHING -> { }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the dispatcher, with the lock held. */
  private void callDispatcher() {
    dispatcherCalled = true;
    dispatcherWanted.signal();
  }

  /** A worker is gone, in its reader thread: the scheduler requeues or fails its tasks and wants another. */
  @Override
  public void died(WorkerSlot<ProcessLink> slot, WorkerProcess worker, String reason) {
    lock.lock();
    try {
      if (!scheduler.gone(slot)) {
        return; // retired, or the batch is over: close() reaps it
      }
    } finally {
      lock.unlock();
    }
    // What the OS can tell about it, without the lock: the exit code may take a moment to come.
    ProcessCpu cpu = ChildAccounting.cpuOf(worker.pid()); // 0 once reaped: a dead worker's CPU is then lost
    Integer exitCode = worker.exitCodeIfDead(2_000);
    String stderr = worker.stderrTail();
    lock.lock();
    try {
      if (!scheduler.over()) {
        accounting.workerGone(cpu);
      }
      scheduler.died(slot, reason, exitCode, stderr);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts workers in place of those gone, while there is work left for them, with the lock released during
   * each start. If none can be started and no worker is left, every pending task fails.
   */
  private void startReplacements() {
    while (scheduler.nextReplacement()) {
      WorkerProcess fresh = null;
      IOException failure = null;
      lock.unlock();
      try {
        WorkerProcess worker = WorkerProcess.start(command);
        worker.setUp(setup());
        fresh = worker; // only once it is ready
      } catch (IOException e) {
        failure = e;
      } finally {
        lock.lock();
      }
      if (fresh != null) {
        attach(fresh);
      } else {
        scheduler.noWorkerStarted("no worker could be started: " + failure.getMessage());
      }
    }
  }

  /** A worker done with its --max-tasks-per-child: asked to leave (the scheduler wants its replacement). */
  private void retire(WorkerSlot<ProcessLink> slot) {
    WorkerProcess worker = slot.link().process();
    accounting.workerGone(ChildAccounting.cpuOf(worker.pid()));
    accounting.notePeakMemory(worker.pid());
    retired.add(slot);
    try {
      worker.send(Frame.Goodbye.FROM_PARENT); // small, and nothing else in flight: cannot block
    } catch (IOException e) {
      worker.kill();
    }
  }

  @Override
  public void close() {
    long start = System.nanoTime();
    List<WorkerSlot<ProcessLink>> left;
    List<WorkerSlot<ProcessLink>> leaving;
    boolean cancelled;
    lock.lock();
    try {
      left = scheduler.liveWorkers();
      leaving = new ArrayList<>(retired);
      cancelled = scheduler.cancelled();
    } finally {
      lock.unlock();
    }
    for (WorkerSlot<ProcessLink> slot : left) {
      WorkerProcess worker = slot.link().process();
      slot.leave();
      if (cancelled) {
        worker.kill();
      } else {
        try {
          worker.send(Frame.Goodbye.FROM_PARENT);
        } catch (IOException e) {
          worker.kill();
        }
      }
      worker.closeInput();
    }
    for (WorkerSlot<ProcessLink> slot : leaving) {
      slot.link().process().closeInput();
    }
    left.addAll(leaving);
    for (WorkerSlot<ProcessLink> slot : left) {
      slot.link().process().awaitExit(EXIT_WAIT_MILLIS);
    }
    long shutdown = System.nanoTime() - start;
    lock.lock();
    try {
      accounting.shutDown(shutdown);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public RunCosts costs() {
    lock.lock();
    try {
      return accounting.costs(scheduler.ledger());
    } finally {
      lock.unlock();
    }
  }
}
