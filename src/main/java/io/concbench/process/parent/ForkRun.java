package io.concbench.process.parent;

import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.ProtocolException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run of the {@code fork} executor: a new JVM for every task, at most {@code --workers} alive at once,
 * as the lesson's {@code multiprocessing.Process}. Each task's life is timed in parts: start-up (spawn to
 * handshake), pipe transit, compute (inside the child) and exit (goodbye to reaped).
 *
 * <p>The {@link ChunkScheduler} decides as for {@code process-pool}, with chunks of one task and workers that
 * leave after one ({@link SchedulePolicy#fork}): --retries and --task-timeout behave the same. Each of
 * {@code --workers} driver threads claims a task, then spawns a child for it (claimed first, so that no JVM
 * is started for nothing) and sees it through; the thread that called {@link #execute} enforces the
 * timeout and a cancellation.
 */
final class ForkRun implements ExecutorRun {

  private static final long EXIT_WAIT_MILLIS = 5_000;
  private static final long CANCEL_POLL_MILLIS = 100;

  private final int workers;
  private final ProcessSettings settings;
  private final WorkloadSpec workload;
  private final WorkerCommand command;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a task's deadline comes sooner, all tasks are accounted, or a driver ends. */
  private final Condition dispatcherWanted = lock.newCondition();
  /** Signalled by the dispatcher when it releases tasks (at a rate) or the run is cancelled: for drivers. */
  private final Condition releasedWanted = lock.newCondition();
  private final ChunkScheduler<ProcessLink> scheduler;
  /** Driver threads still running; guarded by the lock. */
  private int drivers;
  private boolean dispatcherCalled;
  /** Guarded by the lock. */
  private final ChildAccounting accounting = ChildAccounting.forkChildren();

  ForkRun(int workers, ProcessSettings settings, WorkloadSpec workload, WorkerCommand command) {
    this.workers = workers;
    this.settings = settings;
    this.workload = workload;
    this.command = command;
    this.scheduler = new ChunkScheduler<>(SchedulePolicy.fork(settings), System::nanoTime, this::callDispatcher);
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    List<Thread> started = new ArrayList<>();
    Releases releases = new Releases(batch);
    lock.lock();
    try {
      if (releases.paced()) {
        scheduler.beginPaced(batch.size(), batch.remote());
      } else {
        scheduler.begin(batch.size(), batch.remote());
      }
      drivers = Math.min(workers, batch.size());
      for (int w = 0; w < drivers; w++) {
        Thread driver = new Thread(this::drive, "concbench-fork-driver");
        driver.start();
        started.add(driver);
      }
      while (!scheduler.finished() && drivers > 0) {
        if (batch.cancelled()) {
          scheduler.cancel();
          releasedWanted.signalAll(); // drivers waiting for a release see there is none to come
          break;
        }
        scheduler.releaseUpTo(releases.due(System.nanoTime()));
        releasedWanted.signalAll();
        scheduler.expireOverdue(System.nanoTime());
        if (!dispatcherCalled) {
          long now = System.nanoTime();
          dispatcherWanted.awaitNanos(Math.min(scheduler.pollNanos(now), releases.nanosToNext(now)));
        }
        dispatcherCalled = false;
      }
    } finally {
      lock.unlock();
    }
    // Drivers block reading their child's result; a cancelled run must not wait for a ten-minute task, so
    // the children are killed, which ends those reads.
    for (Thread driver : started) {
      while (driver.isAlive()) {
        if (batch.cancelled()) {
          killAll();
        }
        driver.join(CANCEL_POLL_MILLIS);
      }
    }
    lock.lock();
    try {
      scheduler.end();
    } finally {
      lock.unlock();
    }
  }

  /** A driver thread: claims a task, runs it in a new child, until no task is left to claim. */
  private void drive() {
    try {
      while (true) {
        WorkerSlot<ProcessLink> slot;
        List<Chunk> chunks;
        lock.lock();
        try {
          // At a rate a driver claims a task only once it is released: its child starts at the release.
          while (scheduler.hasPending() && !scheduler.hasReleased()) {
            releasedWanted.awaitUninterruptibly();
          }
          if (!scheduler.hasPending()) {
            return;
          }
          slot = scheduler.attach(new ProcessLink(settings.payloadBytes()));
          chunks = scheduler.take(slot, true);
        } finally {
          lock.unlock();
        }
        runChild(slot, chunks.get(0));
      }
    } finally {
      lock.lock();
      try {
        drivers--;
        callDispatcher();
      } finally {
        lock.unlock();
      }
    }
  }

  /** Runs one task in a new JVM; if the child dies, the scheduler decides whether the task is tried again. */
  private void runChild(WorkerSlot<ProcessLink> slot, Chunk chunk) {
    WorkerProcess child;
    try {
      child = WorkerProcess.start(command);
    } catch (IOException e) {
      withLock(() -> scheduler.couldNotStart(slot, "could not start a JVM: " + e.getMessage()));
      return;
    }
    slot.link().spawned(child);
    try {
      child.awaitHello();
      withLock(() -> accounting.childStarted(child.startupNanos()));
      // No warm-up: a fresh JVM per task runs cold code, and that is part of what fork costs.
      child.send(new Frame.Setup(workload.name(), workload.params(), settings.payloadBytes(), false, false));
      child.awaitReady();
      Chunk sent = chunk.sentAt(System.nanoTime());
      slot.link().send(List.of(sent));
      withLock(() -> {
        scheduler.written(slot);
        if (settings.taskTimeoutNanos() > 0) {
          scheduler.started(slot, sent.indices()[0], sent.sentNanos()); // its clock runs from the send
        }
      });
      long looked = System.nanoTime();
      Frame reply = child.receive();
      long arrived = System.nanoTime();
      if (!(reply instanceof Frame.Results results) || results.outcomes().size() != 1) {
        throw new ProtocolException("child answered " + reply.getClass().getSimpleName() + " instead of a result");
      }
      withLock(() -> scheduler.replied(slot, results, looked, arrived));
      sayGoodbye(child);
    } catch (IOException e) {
      child.kill();
      Integer exitCode = child.exitCodeIfDead(2_000);
      String stderr = child.stderrTail();
      withLock(() -> {
        if (scheduler.gone(slot)) { // not if it had already answered, or the run was cancelled
          scheduler.died(slot, e.getMessage(), exitCode, stderr);
        }
      });
    }
  }

  /** The child's goodbye and exit, timed; its peak memory and CPU time noted. */
  private void sayGoodbye(WorkerProcess child) throws IOException {
    // Read while the child waits for its goodbye: once it has exited, /proc no longer has the figures.
    withLock(() -> accounting.notePeakMemory(child.pid()));
    long bye = System.nanoTime();
    child.send(Frame.Goodbye.FROM_PARENT);
    Frame farewell = child.receive();
    child.closeInput();
    child.awaitExit(EXIT_WAIT_MILLIS);
    long exit = System.nanoTime() - bye;
    withLock(() -> accounting.childExited(exit, farewell));
  }

  private void withLock(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  /** Wakes the thread that called execute(), with the lock held. */
  private void callDispatcher() {
    dispatcherCalled = true;
    dispatcherWanted.signal();
  }

  private void killAll() {
    List<WorkerSlot<ProcessLink>> live;
    lock.lock();
    try {
      live = scheduler.liveWorkers();
    } finally {
      lock.unlock();
    }
    for (WorkerSlot<ProcessLink> slot : live) {
      slot.link().kill();
    }
  }

  @Override
  public void close() {
    // Children still running here belong to a cancelled or interrupted run: they go now.
    killAll();
    List<WorkerSlot<ProcessLink>> live;
    lock.lock();
    try {
      live = scheduler.liveWorkers();
    } finally {
      lock.unlock();
    }
    for (WorkerSlot<ProcessLink> slot : live) {
      WorkerProcess child = slot.link().process();
      if (child != null) {
        child.awaitExit(EXIT_WAIT_MILLIS);
      }
    }
  }

  /**
   * The phases per task; each child's whole-life CPU time (start-up, JIT, compute) as it reported it in its
   * goodbye, unknown when a child did not (the engine then counts this process's own time alone).
   */
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
