package io.concbench.process.parent;

import io.concbench.executor.ExecutorRun;
import io.concbench.executor.Phase;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RemoteTasks;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import io.concbench.process.wire.ProtocolException;
import io.concbench.system.PeakMemory;
import io.concbench.system.ProcessCpu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One run of the {@code process-pool} executor: W worker JVMs started in parallel before the timed region,
 * fed chunks of task indices over their stdin, answering over their stdout.
 *
 * <p>Each worker has {@value #CHUNKS_IN_FLIGHT} chunks in flight, as CPython's pool queues work ahead: a
 * strict request-reply loop would pay a whole pipe round trip per chunk. A reader thread per worker takes its
 * results and, when the next chunk is small (see {@link #DIRECT_WRITE_BYTES}), writes it to that worker at
 * once: handing each result to another thread to send the next chunk cost a thread wake-up per chunk, tens
 * of microseconds on a small VM, most of the cost of sending tiny tasks one by one. The thread that called
 * {@link #execute} writes the larger chunks, replaces workers and enforces --task-timeout; one lock guards
 * the shared state. A worker that dies is seen at once (end of its stream) by its reader, replaced, and its
 * in-flight tasks are tried again up to {@code --retries} times, then reported failed with its exit code and
 * stderr.
 */
final class ProcessPoolRun implements ExecutorRun {

  static final int CHUNKS_IN_FLIGHT = 2;
  /**
   * Chunks in flight, at most, to a worker whose chunks are quick (their tasks computed in under
   * {@value #QUICK_CHUNK_NANOS} ns) and small: then frames go several per system call each way (the worker
   * answers the chunks already buffered together, see WorkerSession), and a few more queued chunks cost the
   * other workers almost nothing if this one dies or finishes last.
   */
  static final int QUICK_CHUNKS_IN_FLIGHT = 32;
  static final long QUICK_CHUNK_NANOS = 20_000;
  /**
   * A worker's reader thread writes chunks to its worker itself only if they and the others in flight to
   * that worker fit together in one page, the smallest pipe buffer Linux gives: that write cannot block. A
   * write that could block would be a deadlock: the reader would stop draining the worker's results while
   * the worker, its stdout full, stopped reading its stdin. Larger chunks are written by the dispatcher
   * while the readers keep draining.
   */
  static final int DIRECT_WRITE_BYTES = 4096;
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long EXIT_WAIT_MILLIS = 5_000;

  /** Tasks to send as one chunk; {@code again} when they come back from a worker that died. */
  private record Work(int[] indices, boolean again) {}

  /** A chunk sent; {@code mayHold} if its worker was allowed to hold its results back (see died()). */
  private record Chunk(long id, int[] indices, long sentNanos, long frameBytes, boolean mayHold) {}

  /** A worker and what it has been sent. Guarded by the lock, except what says otherwise. */
  private static final class Slot {
    final WorkerProcess worker;
    final Map<Long, Chunk> inFlight = new LinkedHashMap<>();
    long assigned;
    /** Its last chunk computed in under QUICK_CHUNK_NANOS. */
    boolean quick;
    int runningTask = -1;
    long runningSince;
    /** Gone from the pool (died, or retired): its in-flight work was requeued or failed. */
    boolean dead;
    /** The dispatcher is writing a chunk to it outside the lock: nobody else may write to it meanwhile. */
    boolean writing;
    /** Set when concbench killed it: why, for the report, and the task that ran over time (or -1). */
    String killedBecause;
    int timedOutTask = -1;
    /** Asked to leave (goodbye sent): its goodbye in return is expected. Written and read by any thread. */
    volatile boolean leaving;

    Slot(WorkerProcess worker) {
      this.worker = worker;
    }

    /**
     * Two chunks, or for quick ones as many as its reader can write without blocking (up to
     * QUICK_CHUNKS_IN_FLIGHT): a deep queue of large frames would keep the dispatcher writing to this worker
     * while the others wait for theirs.
     */
    int chunksInFlightAtMost(long frameBytes) {
      if (!quick) {
        return CHUNKS_IN_FLIGHT;
      }
      return (int) Math.max(CHUNKS_IN_FLIGHT, Math.min(QUICK_CHUNKS_IN_FLIGHT, DIRECT_WRITE_BYTES / frameBytes));
    }

    long unreadBytesAtMost() {
      long bytes = 0;
      for (Chunk chunk : inFlight.values()) {
        bytes += chunk.frameBytes();
      }
      return bytes;
    }
  }

  private final int workers;
  private final ProcessSettings settings;
  private final WorkloadSpec workload;
  private final WorkerCommand command;
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when the dispatcher has something to do: all accounted, a worker gone, a chunk to write. */
  private final Condition dispatcherWanted = lock.newCondition();
  private final List<Slot> slots = new ArrayList<>();
  /** Workers asked to leave after --max-tasks-per-child: close() waits for them too. */
  private final List<Slot> retired = new ArrayList<>();
  private long poolStartNanos;
  private long shutdownNanos;

  // The state of the batch being executed, guarded by the lock.
  private boolean over;
  /** The dispatcher has been called since it last looked (a flag, so that no call is lost while it works). */
  private boolean dispatcherCalled;
  private RemoteTasks remote;
  private Deque<Work> pending;
  private int[] attempts;
  private long tasks;
  private long accounted;
  private int replacementsWanted;
  private long dispatcherWakesAt;
  private long nextChunk;
  private long computeNanos;
  private long transitNanos;
  private long tasksReported;
  private boolean cancelled;
  private ProcessCpu cpuAtStart = ProcessCpu.ZERO;
  private ProcessCpu cpuOfGoneWorkers = ProcessCpu.ZERO;
  private ProcessCpu childCpu = ProcessCpu.ZERO;
  private long workerRssPeakBytes = -1;

  ProcessPoolRun(int workers, ProcessSettings settings, WorkloadSpec workload, WorkerCommand command) {
    this.workers = workers;
    this.settings = settings;
    this.workload = workload;
    this.command = command;
    long start = System.nanoTime();
    List<WorkerProcess> started = new ArrayList<>();
    try {
      // Start every JVM first, then wait for each: they boot in parallel.
      for (int i = 0; i < workers; i++) {
        started.add(WorkerProcess.start(command));
      }
      List<Slot> ready = new ArrayList<>();
      for (WorkerProcess worker : started) {
        ready.add(ready(worker));
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
    poolStartNanos = System.nanoTime() - start;
  }

  /** Handshake and set-up of a started worker; the worker is killed if either fails. */
  private Slot ready(WorkerProcess worker) throws IOException {
    try {
      worker.awaitHello();
      // Warmed before the timed region: every executor must time the same compiled code (docs/measurement.md).
      worker.send(new Frame.Setup(workload.name(), workload.params(), settings.payloadBytes(),
          settings.taskTimeoutNanos() > 0, true));
      worker.awaitReady();
    } catch (IOException e) {
      worker.kill();
      throw e;
    }
    return new Slot(worker);
  }

  /** Adds a ready worker to the pool and starts its reader; with the lock held, so its death is seen. */
  private void attach(Slot slot) {
    slots.add(slot);
    Thread reader = new Thread(() -> read(slot), "concbench-pool-reader-" + slot.worker.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** A worker's reader thread: takes its frames as they come, until its stream ends. */
  private void read(Slot slot) {
    String reason;
    try {
      while (true) {
        long looked = System.nanoTime();
        Frame frame = slot.worker.receive();
        long arrived = System.nanoTime();
        if (frame instanceof Frame.Results results) {
          replied(slot, results, looked, arrived);
        } else if (frame instanceof Frame.Started started) {
          started(slot, started.index(), started.startNanos());
        } else if (frame instanceof Frame.Goodbye && slot.leaving) {
          return;
        } else if (frame instanceof Frame.Failure failure) {
          reason = "worker gave up: " + failure.message();
          break;
        } else {
          slot.worker.kill();
          reason = "unexpected " + frame.getClass().getSimpleName() + " frame";
          break;
        }
      }
    } catch (ProtocolException e) {
      slot.worker.kill();
      reason = "protocol error: " + e.getMessage();
    } catch (IOException e) {
      reason = "worker's output ended (the process died)";
    }
    died(slot, reason);
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    int count = batch.size();
    int chunkSize = settings.chunksize() > 0 ? settings.chunksize()
        : Math.max(1, (int) Math.ceil(count / (4.0 * workers)));
    Deque<Work> chunks = new ArrayDeque<>();
    for (int from = 0; from < count; from += chunkSize) {
      int[] indices = new int[Math.min(chunkSize, count - from)];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = from + i;
      }
      chunks.add(new Work(indices, false));
    }
    lock.lock();
    try {
      remote = batch.remote();
      pending = chunks;
      attempts = new int[count];
      tasks = count;
      accounted = 0;
      cpuAtStart = workersCpu();
      while (accounted < tasks) {
        if (batch.cancelled()) {
          cancelled = true;
          return;
        }
        startReplacements();
        for (Slot slot : new ArrayList<>(slots)) {
          fill(slot, true);
        }
        expireOverdueTasks();
        if (accounted < tasks && !dispatcherCalled) {
          long wait = pollNanos();
          dispatcherWakesAt = System.nanoTime() + wait;
          dispatcherWanted.awaitNanos(wait);
        }
        dispatcherCalled = false;
      }
      childCpu = workersCpu().plus(cpuOfGoneWorkers).since(cpuAtStart);
      for (Slot slot : slots) {
        notePeakMemory(slot);
      }
    } finally {
      over = true;
      lock.unlock();
    }
  }

  private void notePeakMemory(Slot slot) {
    workerRssPeakBytes = Math.max(workerRssPeakBytes, PeakMemory.peakBytesOf(slot.worker.pid()));
  }

  /** CPU time of the live workers so far (from /proc, 10 ms ticks on Linux). */
  private ProcessCpu workersCpu() {
    ProcessCpu total = ProcessCpu.ZERO;
    for (Slot slot : slots) {
      total = total.plus(cpuOf(slot));
    }
    return total;
  }

  /** A worker's CPU time in its life so far; zero once it is reaped (or not on Linux). */
  private static ProcessCpu cpuOf(Slot slot) {
    return ProcessCpu.of(slot.worker.pid()).orElse(ProcessCpu.ZERO);
  }

  /**
   * Sends chunks to a worker with room, with the lock held on entry and exit but not during the write (the
   * worker is marked {@code writing}, so that its chunks go out in the order they were assigned). Chunks
   * that cannot block the write (see {@link #DIRECT_WRITE_BYTES}) are written by whichever thread calls;
   * larger ones only by the dispatcher (a reader thread leaves them to it and wakes it).
   */
  private void fill(Slot slot, boolean dispatcher) {
    while (!slot.dead && !slot.writing && !over) {
      List<Frame> frames = new ArrayList<>();
      long unread = slot.unreadBytesAtMost();
      while (!pending.isEmpty() && hasRoom(slot)) {
        long bytes = FrameCodec.tasksFrameBytes(pending.peek().indices().length, settings.payloadBytes());
        if (slot.inFlight.size() >= slot.chunksInFlightAtMost(bytes)) {
          break;
        }
        if (!dispatcher && unread + bytes > DIRECT_WRITE_BYTES) {
          callDispatcher();
          break;
        }
        unread += bytes;
        Work work = pending.poll();
        int[] indices = work.indices();
        boolean mayHold = slot.quick && !work.again() && settings.taskTimeoutNanos() <= 0;
        Chunk chunk = new Chunk(nextChunk++, indices, System.nanoTime(), bytes, mayHold);
        slot.inFlight.put(chunk.id(), chunk);
        slot.assigned += indices.length;
        frames.add(new Frame.Tasks(chunk.id(), chunk.sentNanos(), mayHold, indices, payloads(indices)));
      }
      if (frames.isEmpty()) {
        return;
      }
      slot.writing = true;
      IOException failure = null;
      lock.unlock();
      try {
        slot.worker.send(frames);
      } catch (IOException e) {
        failure = e;
      } finally {
        lock.lock();
        slot.writing = false;
      }
      if (failure != null) {
        killBecause(slot, "could not send to the worker: " + failure.getMessage());
      }
    }
  }

  /** Kills a worker; its reader reports it gone, with this reason, when its output ends. */
  private static void killBecause(Slot slot, String reason) {
    if (slot.killedBecause == null) {
      slot.killedBecause = reason;
    }
    slot.worker.kill();
  }

  /** A worker to be recycled after --max-tasks-per-child takes no more than that. */
  private boolean hasRoom(Slot slot) {
    return settings.maxTasksPerChild() <= 0 || slot.assigned < settings.maxTasksPerChild();
  }

  private byte[][] payloads(int[] indices) {
    if (settings.payloadBytes() == 0) {
      return new byte[0][];
    }
    byte[][] payloads = new byte[indices.length][settings.payloadBytes()];
    for (int i = 0; i < indices.length; i++) {
      Arrays.fill(payloads[i], (byte) indices[i]);
    }
    return payloads;
  }

  private long pollNanos() {
    if (settings.taskTimeoutNanos() <= 0) {
      return IDLE_POLL_NANOS;
    }
    long now = System.nanoTime();
    long wait = IDLE_POLL_NANOS;
    for (Slot slot : slots) {
      if (!slot.dead && slot.runningTask >= 0 && slot.timedOutTask < 0) {
        wait = Math.min(wait, slot.runningSince + settings.taskTimeoutNanos() - now);
      }
    }
    return Math.max(0, wait);
  }

  /** A worker's task starts: the --task-timeout clock runs from here. */
  private void started(Slot slot, int index, long nanos) {
    lock.lock();
    try {
      if (slot.dead) {
        return;
      }
      slot.runningTask = index;
      slot.runningSince = nanos;
      if (!over && nanos + settings.taskTimeoutNanos() < dispatcherWakesAt) {
        callDispatcher(); // its deadline comes before the dispatcher would look
      }
    } finally {
      lock.unlock();
    }
  }

  /** A chunk's results: counted, and the worker is sent its next chunk. */
  private void replied(Slot slot, Frame.Results results, long lookedNanos, long arrivedNanos) {
    lock.lock();
    try {
      if (slot.dead || over || remote == null) {
        return; // already handled (its in-flight work was requeued or failed), or the batch is over
      }
      Chunk chunk = slot.inFlight.remove(results.chunk());
      if (chunk == null) {
        return;
      }
      transitNanos += results.transitNanos(lookedNanos, arrivedNanos);
      List<Frame.TaskOutcome> outcomes = results.outcomes();
      long chunkComputeNanos = 0;
      for (int i = 0; i < outcomes.size(); i++) {
        chunkComputeNanos += account(slot, outcomes.get(i), results.payloads(), i);
      }
      slot.quick = chunkComputeNanos < QUICK_CHUNK_NANOS;
      slot.runningTask = -1;
      if (!hasRoom(slot) && slot.inFlight.isEmpty()) {
        retire(slot);
      } else if (!results.more()) {
        fill(slot, false); // after the last of results written together: their next chunks in one write
      }
      if (accounted >= tasks) {
        callDispatcher();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * One task's outcome, with the lock held; its compute time. A method of its own, called once per task, so
   * that the JIT compiles it after a few hundred: the body of a loop in a method called once per chunk stays
   * interpreted until on-stack replacement, tens of thousands of iterations later, and took 1-5 µs a task in
   * a run's first chunks (docs/process-executors.md). For the same reason the engine hears of each task on
   * its own, not of a chunk in one call that loops over it (measured: slower).
   */
  private long account(Slot slot, Frame.TaskOutcome outcome, byte[][] payloads, int position) {
    String payloadProblem = payloadProblem(outcome.index(), payloads, position);
    if (outcome.error() != null || payloadProblem != null) {
      String reason = outcome.error() != null ? "threw in the worker: " + outcome.error() : payloadProblem;
      remote.failed(new TaskFailure(outcome.index(), reason, slot.worker.pid(), null, false, null));
    } else {
      remote.completed(outcome.index(), outcome.result(), outcome.computeNanos());
      computeNanos += outcome.computeNanos();
      tasksReported++;
    }
    accounted++;
    return outcome.computeNanos();
  }

  /** Wakes the dispatcher, with the lock held. */
  private void callDispatcher() {
    dispatcherCalled = true;
    dispatcherWanted.signal();
  }

  private String payloadProblem(int index, byte[][] payloads, int position) {
    if (settings.payloadBytes() == 0) {
      return null;
    }
    if (position >= payloads.length || payloads[position].length != settings.payloadBytes()) {
      return "result payload missing or of the wrong size";
    }
    return payloads[position][0] == (byte) ~(byte) index ? null : "result payload belongs to another task";
  }

  /**
   * Kills workers whose running task is over --task-timeout; their readers then report them gone, that task
   * failed as timed out, the rest requeued.
   */
  private void expireOverdueTasks() {
    if (settings.taskTimeoutNanos() <= 0) {
      return;
    }
    long now = System.nanoTime();
    for (Slot slot : slots) {
      if (slot.runningTask >= 0 && slot.timedOutTask < 0 && now - slot.runningSince > settings.taskTimeoutNanos()) {
        slot.timedOutTask = slot.runningTask;
        killBecause(slot, "ran over --task-timeout of " + settings.taskTimeoutNanos() / 1_000_000 + " ms");
      }
    }
  }

  /**
   * Handles a worker that is gone, in its reader thread: tasks of the chunk it was running are tried again
   * (up to --retries) or fail; chunks it had not started yet go back to the queue untouched; the dispatcher
   * is asked for a replacement.
   */
  private void died(Slot slot, String readerReason) {
    lock.lock();
    try {
      if (slot.dead) {
        return; // retired
      }
      slot.dead = true; // nothing more is sent to it
      slots.remove(slot);
      if (over) {
        return; // the batch is over: close() reaps it
      }
    } finally {
      lock.unlock();
    }
    // What the OS can tell about it, without the lock: the exit code may take a moment to come.
    ProcessCpu cpu = cpuOf(slot); // 0 if it is already reaped: a dead worker's CPU is then not counted
    Integer exitCode = slot.worker.exitCodeIfDead(2_000);
    String stderr = slot.worker.stderrTail();
    lock.lock();
    try {
      if (over) {
        return;
      }
      cpuOfGoneWorkers = cpuOfGoneWorkers.plus(cpu);
      String reason = slot.killedBecause != null ? slot.killedBecause : readerReason;
      int timedOutTask = slot.timedOutTask;
      List<Integer> again = new ArrayList<>();
      // Without start reports, the first chunk in flight is taken as the one running; but if the worker was
      // allowed to hold that chunk's results back, it may have finished it (and more) unreported: then which
      // task was running is not known and no task counts a try. The tasks come back as chunks whose results
      // are never held, so that the next death, if one of them causes it, is counted exactly.
      boolean first = slot.inFlight.isEmpty() || !slot.inFlight.values().iterator().next().mayHold();
      for (Chunk chunk : slot.inFlight.values()) {
        for (int index : chunk.indices()) {
          boolean wasRunning = timedOutTask >= 0 ? index == timedOutTask
              : slot.runningTask >= 0 ? index == slot.runningTask : first;
          if (index == timedOutTask) {
            remote.failed(new TaskFailure(index, reason, slot.worker.pid(), exitCode, true, stderr));
            accounted++;
          } else if (wasRunning && attempts[index] >= settings.retries()) {
            remote.failed(new TaskFailure(index, "worker died: " + reason, slot.worker.pid(), exitCode, false,
                stderr));
            accounted++;
          } else {
            if (wasRunning) {
              attempts[index]++;
            }
            again.add(index);
          }
        }
        first = false;
      }
      slot.inFlight.clear();
      // Tried-again tasks go first, as one chunk: they were already waiting longest.
      if (!again.isEmpty()) {
        pending.addFirst(new Work(again.stream().mapToInt(Integer::intValue).toArray(), true));
      }
      replacementsWanted++;
      callDispatcher();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Starts workers in place of those gone, while there is work left for them, with the lock released during
   * each start. If none can be started and no worker is left, every pending task fails, so that the run ends
   * instead of waiting forever.
   */
  private void startReplacements() {
    while ((replacementsWanted > 0 || slots.isEmpty()) && !pending.isEmpty() && !cancelled) {
      replacementsWanted = Math.max(0, replacementsWanted - 1);
      Slot fresh = null;
      IOException failure = null;
      lock.unlock();
      try {
        fresh = ready(WorkerProcess.start(command));
      } catch (IOException e) {
        failure = e;
      } finally {
        lock.lock();
      }
      if (fresh != null) {
        attach(fresh);
      } else if (slots.isEmpty()) {
        for (Work work : pending) {
          for (int index : work.indices()) {
            remote.failed(new TaskFailure(index, "no worker could be started: " + failure.getMessage(), -1, null,
                false, null));
            accounted++;
          }
        }
        pending.clear();
      }
    }
  }

  /** A worker done with its --max-tasks-per-child: asked to leave, and replaced. */
  private void retire(Slot slot) {
    cpuOfGoneWorkers = cpuOfGoneWorkers.plus(cpuOf(slot));
    notePeakMemory(slot);
    slot.dead = true;
    slot.leaving = true;
    slots.remove(slot);
    retired.add(slot);
    try {
      slot.worker.send(Frame.Goodbye.FROM_PARENT); // small, and nothing else in flight: cannot block
    } catch (IOException e) {
      slot.worker.kill();
    }
    replacementsWanted++;
    callDispatcher();
  }

  @Override
  public void close() {
    long start = System.nanoTime();
    List<Slot> left;
    List<Slot> leaving;
    lock.lock();
    try {
      left = new ArrayList<>(slots);
      leaving = new ArrayList<>(retired);
    } finally {
      lock.unlock();
    }
    for (Slot slot : left) {
      slot.leaving = true;
      if (cancelled) {
        slot.worker.kill();
      } else {
        try {
          slot.worker.send(Frame.Goodbye.FROM_PARENT);
        } catch (IOException e) {
          slot.worker.kill();
        }
      }
      slot.worker.closeInput();
    }
    for (Slot slot : leaving) {
      slot.worker.closeInput();
    }
    left.addAll(leaving);
    for (Slot slot : left) {
      slot.worker.awaitExit(EXIT_WAIT_MILLIS);
    }
    shutdownNanos = System.nanoTime() - start;
  }

  @Override
  public RunCosts costs() {
    Map<Phase, Double> phases = new EnumMap<>(Phase.class);
    phases.put(Phase.POOL_START, poolStartNanos / 1e6);
    phases.put(Phase.IPC, tasksReported == 0 ? 0 : transitNanos / 1e6 / tasksReported);
    phases.put(Phase.COMPUTE, tasksReported == 0 ? 0 : computeNanos / 1e6 / tasksReported);
    phases.put(Phase.SHUTDOWN, shutdownNanos / 1e6);
    // The workers' CPU time is read from /proc: a zero where there is none (not Linux) adds nothing.
    return new RunCosts(phases, Optional.of(childCpu),
        workerRssPeakBytes < 0 ? OptionalLong.empty() : OptionalLong.of(workerRssPeakBytes));
  }
}
