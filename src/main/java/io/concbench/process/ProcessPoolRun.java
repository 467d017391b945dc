package io.concbench.process;

import io.concbench.executor.ExecutorRun;
import io.concbench.executor.PhaseTimes;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RemoteTasks;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of the {@code process-pool} executor: W worker JVMs started in parallel before the timed region,
 * fed chunks of task indices over their stdin, answering over their stdout.
 *
 * <p>Each worker has {@value #CHUNKS_IN_FLIGHT} chunks in flight, as CPython's pool queues work ahead: a
 * strict request-reply loop would pay a whole pipe round trip per chunk. A reader thread per worker turns
 * its frames into events for the dispatcher (the thread that called {@link #execute}), which alone sends,
 * counts and decides. A worker that dies is seen at once (end of its stream), replaced, and its in-flight
 * tasks are tried again up to {@code --retries} times, then reported failed with its exit code and stderr.
 */
final class ProcessPoolRun implements ExecutorRun, PhaseTimes {

  static final int CHUNKS_IN_FLIGHT = 2;
  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final long EXIT_WAIT_MILLIS = 5_000;

  private sealed interface Event {
    Slot slot();
  }

  private record Replied(Slot slot, Frame.Results results, long lookedNanos, long arrivedNanos) implements Event {}

  private record Started(Slot slot, int index, long nanos) implements Event {}

  private record Died(Slot slot, String reason) implements Event {}

  private record Chunk(long id, int[] indices, long sentNanos) {}

  /** A worker and what it has been sent. Touched by the dispatcher only. */
  private static final class Slot {
    final WorkerProcess worker;
    final Map<Long, Chunk> inFlight = new LinkedHashMap<>();
    long assigned;
    int runningTask = -1;
    long runningSince;
    boolean dead;

    Slot(WorkerProcess worker) {
      this.worker = worker;
    }
  }

  private final int workers;
  private final ProcessSettings settings;
  private final WorkloadSpec workload;
  private final WorkerCommand command;
  private final List<Slot> slots = new ArrayList<>();
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private long nextChunk;
  private long poolStartNanos;
  private long shutdownNanos;
  private long computeNanos;
  private long transitNanos;
  private long tasksReported;
  private boolean cancelled;
  private long cpuAtStart;
  private long cpuOfGoneWorkers;
  private long childCpuNanos;

  ProcessPoolRun(int workers, ProcessSettings settings, WorkloadSpec workload, WorkerCommand command) {
    this.workers = workers;
    this.settings = settings;
    this.workload = workload;
    this.command = command;
    long start = System.nanoTime();
    try {
      // Start every JVM first, then wait for each: they boot in parallel.
      List<WorkerProcess> started = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        started.add(WorkerProcess.start(command));
      }
      for (WorkerProcess worker : started) {
        slots.add(ready(worker));
      }
    } catch (IOException e) {
      slots.forEach(s -> s.worker.kill());
      throw new UncheckedIOException("process-pool: " + e.getMessage(), e);
    }
    poolStartNanos = System.nanoTime() - start;
  }

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
    Slot slot = new Slot(worker);
    Thread reader = new Thread(() -> read(slot), "concbench-pool-reader-" + worker.pid());
    reader.setDaemon(true);
    reader.start();
    return slot;
  }

  private void read(Slot slot) {
    try {
      while (true) {
        long looked = System.nanoTime();
        Frame frame = slot.worker.receive();
        long arrived = System.nanoTime();
        if (frame instanceof Frame.Results results) {
          events.add(new Replied(slot, results, looked, arrived));
        } else if (frame instanceof Frame.Started started) {
          events.add(new Started(slot, started.index(), started.startNanos()));
        } else if (frame instanceof Frame.Goodbye) {
          return;
        } else if (frame instanceof Frame.Failure failure) {
          events.add(new Died(slot, "worker gave up: " + failure.message()));
          return;
        } else {
          events.add(new Died(slot, "unexpected " + frame.getClass().getSimpleName() + " frame"));
          return;
        }
      }
    } catch (ProtocolException e) {
      slot.worker.kill();
      events.add(new Died(slot, "protocol error: " + e.getMessage()));
    } catch (IOException e) {
      events.add(new Died(slot, "worker's output ended (the process died)"));
    }
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    RemoteTasks remote = batch.remote();
    int tasks = batch.size();
    int chunkSize = settings.chunksize() > 0 ? settings.chunksize()
        : Math.max(1, (int) Math.ceil(tasks / (4.0 * workers)));
    Deque<int[]> pending = new ArrayDeque<>();
    for (int from = 0; from < tasks; from += chunkSize) {
      int[] indices = new int[Math.min(chunkSize, tasks - from)];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = from + i;
      }
      pending.add(indices);
    }
    int[] attempts = new int[tasks];
    long accounted = 0;
    cpuAtStart = workersCpuNanos();
    while (accounted < tasks) {
      if (batch.cancelled()) {
        cancelled = true;
        return;
      }
      if (slots.isEmpty() && !pending.isEmpty()) {
        accounted += replaceWorker(remote, pending);
      }
      accounted += dispatch(pending, remote, attempts);
      Event event = events.poll(pollNanos(), TimeUnit.NANOSECONDS);
      if (event != null) {
        accounted += handle(event, pending, remote, attempts);
      }
      accounted += expireOverdueTasks(pending, remote, attempts);
    }
    childCpuNanos = Math.max(0, workersCpuNanos() - cpuAtStart + cpuOfGoneWorkers);
  }

  /** CPU time of the live workers so far (from /proc, 10 ms ticks on Linux). */
  private long workersCpuNanos() {
    long total = 0;
    for (Slot slot : slots) {
      total += cpuOf(slot);
    }
    return total;
  }

  private static long cpuOf(Slot slot) {
    return ProcessHandle.of(slot.worker.pid())
        .flatMap(p -> p.info().totalCpuDuration())
        .map(java.time.Duration::toNanos)
        .orElse(0L);
  }

  @Override
  public long childCpuNanos() {
    return childCpuNanos;
  }

  /** Sends chunks to every worker with room; returns tasks that failed because no worker could be had. */
  private long dispatch(Deque<int[]> pending, RemoteTasks remote, int[] attempts) {
    long failed = 0;
    for (int i = 0; i < slots.size() && !pending.isEmpty(); i++) {
      Slot slot = slots.get(i);
      while (!slot.dead && slot.inFlight.size() < CHUNKS_IN_FLIGHT && !pending.isEmpty() && hasRoom(slot)) {
        int[] indices = pending.poll();
        Chunk chunk = new Chunk(nextChunk++, indices, System.nanoTime());
        slot.inFlight.put(chunk.id(), chunk);
        slot.assigned += indices.length;
        try {
          slot.worker.send(new Frame.Tasks(chunk.id(), chunk.sentNanos(), indices, payloads(indices)));
        } catch (IOException e) {
          failed += workerDied(slot, "could not send to the worker: " + e.getMessage(), pending, remote, attempts,
              -1);
        }
      }
    }
    return failed;
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
      if (!slot.dead && slot.runningTask >= 0) {
        wait = Math.min(wait, slot.runningSince + settings.taskTimeoutNanos() - now);
      }
    }
    return Math.max(0, wait);
  }

  private long handle(Event event, Deque<int[]> pending, RemoteTasks remote, int[] attempts) {
    Slot slot = event.slot();
    if (slot.dead) {
      return 0; // already handled: its in-flight work was requeued or failed
    }
    if (event instanceof Started started) {
      slot.runningTask = started.index();
      slot.runningSince = started.nanos();
      return 0;
    }
    if (event instanceof Died died) {
      return workerDied(slot, died.reason(), pending, remote, attempts, -1);
    }
    Replied replied = (Replied) event;
    Frame.Results results = replied.results();
    Chunk chunk = slot.inFlight.remove(results.chunk());
    if (chunk == null) {
      return 0;
    }
    transitNanos += results.transitNanos(replied.lookedNanos(), replied.arrivedNanos());
    long accounted = 0;
    for (int i = 0; i < results.outcomes().size(); i++) {
      Frame.TaskOutcome outcome = results.outcomes().get(i);
      String payloadProblem = payloadProblem(outcome.index(), results.payloads(), i);
      if (outcome.error() != null || payloadProblem != null) {
        String reason = outcome.error() != null ? "threw in the worker: " + outcome.error() : payloadProblem;
        remote.failed(new TaskFailure(outcome.index(), reason, slot.worker.pid(), null, false, null));
      } else {
        remote.completed(outcome.index(), outcome.result(), outcome.computeNanos());
        computeNanos += outcome.computeNanos();
        tasksReported++;
      }
      accounted++;
    }
    slot.runningTask = -1;
    if (!hasRoom(slot) && slot.inFlight.isEmpty()) {
      retire(slot);
    }
    return accounted;
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

  /** Kills workers whose running task is over --task-timeout; that task fails, the rest are requeued. */
  private long expireOverdueTasks(Deque<int[]> pending, RemoteTasks remote, int[] attempts) {
    if (settings.taskTimeoutNanos() <= 0) {
      return 0;
    }
    long now = System.nanoTime();
    long failed = 0;
    for (Slot slot : new ArrayList<>(slots)) {
      if (!slot.dead && slot.runningTask >= 0 && now - slot.runningSince > settings.taskTimeoutNanos()) {
        slot.worker.kill();
        failed += workerDied(slot, "ran over --task-timeout of " + settings.taskTimeoutNanos() / 1_000_000 + " ms",
            pending, remote, attempts, slot.runningTask);
      }
    }
    return failed;
  }

  /**
   * Handles a worker that is gone: tasks of the chunk it was running are tried again (up to --retries) or
   * fail; chunks it had not started yet go back to the queue untouched; a replacement starts if work is
   * left. Returns the number of tasks that failed for good.
   *
   * @param timedOutTask the task that ran over time, or -1
   */
  private long workerDied(Slot slot, String reason, Deque<int[]> pending, RemoteTasks remote, int[] attempts,
      int timedOutTask) {
    cpuOfGoneWorkers += cpuOf(slot); // 0 if it is already reaped: a dead worker's CPU is then not counted
    slot.dead = true;
    slots.remove(slot);
    Integer exitCode = slot.worker.exitCodeIfDead(2_000);
    String stderr = slot.worker.stderrTail();
    long failed = 0;
    List<Integer> again = new ArrayList<>();
    boolean first = true;
    for (Chunk chunk : slot.inFlight.values()) {
      for (int index : chunk.indices()) {
        boolean wasRunning = timedOutTask >= 0 ? index == timedOutTask
            : slot.runningTask >= 0 ? index == slot.runningTask : first;
        if (index == timedOutTask) {
          remote.failed(new TaskFailure(index, reason, slot.worker.pid(), exitCode, true, stderr));
          failed++;
        } else if (wasRunning && attempts[index] >= settings.retries()) {
          remote.failed(new TaskFailure(index, "worker died: " + reason, slot.worker.pid(), exitCode, false,
              stderr));
          failed++;
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
      pending.addFirst(again.stream().mapToInt(Integer::intValue).toArray());
    }
    if (!pending.isEmpty() && !cancelled) {
      failed += replaceWorker(remote, pending);
    }
    return failed;
  }

  /**
   * Starts a worker in place of one that is gone. If none can be started and no worker is left, every
   * pending task fails, so that the run ends instead of waiting forever; returns how many failed.
   */
  private long replaceWorker(RemoteTasks remote, Deque<int[]> pending) {
    try {
      slots.add(ready(WorkerProcess.start(command)));
      return 0;
    } catch (IOException e) {
      if (!slots.isEmpty()) {
        return 0;
      }
      long failed = 0;
      for (int[] indices : pending) {
        for (int index : indices) {
          remote.failed(new TaskFailure(index, "no worker could be started: " + e.getMessage(), -1, null, false,
              null));
          failed++;
        }
      }
      pending.clear();
      return failed;
    }
  }

  /** A worker done with its --max-tasks-per-child: asked to leave, and replaced. */
  private void retire(Slot slot) {
    cpuOfGoneWorkers += cpuOf(slot);
    slot.dead = true;
    slots.remove(slot);
    try {
      slot.worker.send(new Frame.Goodbye(0, -1));
    } catch (IOException e) {
      slot.worker.kill();
    }
    try {
      slots.add(ready(WorkerProcess.start(command)));
    } catch (IOException e) {
      // The other workers carry on; with none left, execute() tries again and fails what cannot run.
    }
  }

  @Override
  public void close() {
    long start = System.nanoTime();
    for (Slot slot : slots) {
      if (cancelled) {
        slot.worker.kill();
      } else {
        try {
          slot.worker.send(new Frame.Goodbye(0, -1));
        } catch (IOException e) {
          slot.worker.kill();
        }
      }
      slot.worker.closeInput();
    }
    for (Slot slot : slots) {
      slot.worker.awaitExit(EXIT_WAIT_MILLIS);
    }
    shutdownNanos = System.nanoTime() - start;
  }

  @Override
  public Map<String, Double> phaseMillis() {
    Map<String, Double> phases = new LinkedHashMap<>();
    phases.put("pool_start_ms", poolStartNanos / 1e6);
    phases.put("ipc_ms", tasksReported == 0 ? 0 : transitNanos / 1e6 / tasksReported);
    phases.put("compute_ms", tasksReported == 0 ? 0 : computeNanos / 1e6 / tasksReported);
    phases.put("shutdown_ms", shutdownNanos / 1e6);
    return phases;
  }
}
