package io.concbench.process.parent;

import io.concbench.executor.RemoteTasks;
import io.concbench.executor.TaskFailure;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Which tasks go to which worker, and what becomes of them: a batch split into chunks, handed out a few at a
 * time per worker (see {@link WorkerSlot} for how many), their outcomes passed on to the engine; a worker
 * that dies has the task it was running tried again (up to --retries) and the chunks it had not started put
 * back untouched; a task over --task-timeout has its worker killed; a worker that did --max-tasks-per-child
 * is retired and replaced.
 *
 * <p>No threads, no I/O, no clock of its own: its driver ({@link ProcessPoolRun}, {@link ForkRun}) owns
 * those, calls it with its one lock held, and sends the chunks it is given outside that lock. The scheduler
 * only ever kills a worker (see {@link WorkerLink}) and wakes the driver's dispatcher. Tests drive it with
 * fake links and a fake clock.
 */
final class ChunkScheduler<L extends WorkerLink> {

  /** What a worker's driver does after a reply. */
  enum Next {
    /** Nothing: the reply was stale, or more results follow in the same write (answer them all at once). */
    NOTHING,
    /** Send the worker its next chunks ({@link #take}). */
    SEND,
    /** Say goodbye to the worker: it did its --max-tasks-per-child and has left the scheduler. */
    RETIRE
  }

  private final SchedulePolicy policy;
  private final LongSupplier clock;
  private final Runnable wakeDispatcher;
  private final List<WorkerSlot<L>> live = new ArrayList<>();
  private final ChunkQueue pending = new ChunkQueue();
  private final TaskLedger ledger;
  private final Retries retries;
  private final TaskDeadlines deadlines;
  private long nextChunk;
  /**
   * At a rate, the tasks below this index are released (the driver releases them at their due times), and
   * only those are handed out; every task of a closed batch is.
   */
  private int releasedUpTo = Integer.MAX_VALUE;
  private boolean paced;
  private int replacementsWanted;
  private boolean over;
  private boolean cancelled;

  /**
   * @param clock {@code System::nanoTime} but in tests: the stamp of each chunk sent
   * @param wakeDispatcher wakes the driver's dispatcher thread (called with the driver's lock held)
   */
  ChunkScheduler(SchedulePolicy policy, LongSupplier clock, Runnable wakeDispatcher) {
    this.policy = policy;
    this.clock = clock;
    this.wakeDispatcher = wakeDispatcher;
    this.ledger = new TaskLedger(policy.workerNoun(), policy.payloadBytes());
    this.retries = new Retries(policy.retries(), policy.workerNoun());
    this.deadlines = new TaskDeadlines(policy.taskTimeoutNanos());
  }

  /** A worker joins: it is given chunks from now on. */
  WorkerSlot<L> attach(L link) {
    WorkerSlot<L> slot = new WorkerSlot<>(link);
    live.add(slot);
    return slot;
  }

  /** The batch to run: {@code count} tasks, split into chunks, their outcomes reported to {@code remote}. */
  void begin(int count, RemoteTasks remote) {
    pending.split(count, policy.chunkSize(count));
    retries.begin(count);
    ledger.begin(count, remote);
  }

  /**
   * A batch at a rate: one task per chunk, none handed out before {@link #releaseUpTo} says so, and results
   * never held back in a worker (each task's end is its latency's end).
   */
  void beginPaced(int count, RemoteTasks remote) {
    pending.split(count, 1);
    retries.begin(count);
    ledger.begin(count, remote);
    paced = true;
    releasedUpTo = 0;
  }

  /** At a rate: tasks 0 to {@code count - 1} are released and may be handed out. */
  void releaseUpTo(int count) {
    releasedUpTo = Math.max(releasedUpTo, count);
  }

  /** Whether the next pending chunk may be handed out: released, or back from a worker that died. */
  private boolean nextReleased() {
    return pending.nextAgain() || pending.nextFirst() < releasedUpTo;
  }

  /** Every task completed or failed. */
  boolean finished() {
    return ledger.finished();
  }

  /** The books: task times for the run's costs. */
  TaskLedger ledger() {
    return ledger;
  }

  boolean hasPending() {
    return !pending.isEmpty() && !over;
  }

  /** Pending work that may be handed out now (at a rate: released). */
  boolean hasReleased() {
    return hasPending() && nextReleased();
  }

  /** The batch was cancelled: nothing more is handed out, and a worker's death is no longer reported. */
  void cancel() {
    cancelled = true;
    over = true;
  }

  boolean cancelled() {
    return cancelled;
  }

  /** The batch is over (all accounted, or cancelled): replies and deaths from now on are ignored. */
  void end() {
    over = true;
  }

  boolean over() {
    return over;
  }

  /** The workers in the pool now (a copy: the driver may release its lock while it goes through them). */
  List<WorkerSlot<L>> liveWorkers() {
    return new ArrayList<>(live);
  }

  /**
   * Chunks for a worker with room, assigned to it now and stamped: the caller sends them outside its lock
   * and then calls {@link #written}; until then nobody else writes to this worker, so that its chunks go out
   * in the order they were assigned. A worker's reader thread ({@code dispatcher} false) is given only
   * chunks whose write cannot block (see {@link WorkerSlot#DIRECT_WRITE_BYTES}); when a larger one is next,
   * the dispatcher is woken to write it.
   *
   * @return the chunks, in order; empty when there is nothing to send or no room
   */
  List<Chunk> take(WorkerSlot<L> slot, boolean dispatcher) {
    return take(slot, dispatcher, Integer.MAX_VALUE);
  }

  /** The same, {@code most} chunks at most (a cluster member's submission: see {@link MemberLink}). */
  List<Chunk> take(WorkerSlot<L> slot, boolean dispatcher, int most) {
    if (slot.dead || slot.writing || over || slot.killedBecause != null) {
      return List.of();
    }
    List<Chunk> chunks = null;
    long unread = slot.unreadBytesAtMost();
    while (!pending.isEmpty() && hasRoom(slot) && nextReleased() && (chunks == null || chunks.size() < most)) {
      long bytes = FrameCodec.tasksFrameBytes(pending.nextSize(), policy.payloadBytes());
      // At a rate a task goes only to an idle worker: one sent ahead would wait in a busy worker's pipe, its
      // queueing hidden in its service time, while another worker may be free.
      if (slot.inFlight.size() >= (paced ? 1 : slot.chunksInFlightAtMost(bytes))) {
        break;
      }
      if (!dispatcher && unread + bytes > WorkerSlot.DIRECT_WRITE_BYTES) {
        wakeDispatcher.run();
        break;
      }
      unread += bytes;
      ChunkQueue.Work work = pending.poll();
      boolean mayHold = slot.quick && !work.again() && policy.taskTimeoutNanos() <= 0 && !paced;
      Chunk chunk = new Chunk(nextChunk++, work.indices(), clock.getAsLong(), bytes, mayHold);
      ledger.dispatched(chunk);
      slot.inFlight.add(chunk);
      slot.assigned += chunk.indices().length;
      if (chunks == null) {
        chunks = new ArrayList<>();
      }
      chunks.add(chunk);
    }
    if (chunks == null) {
      return List.of();
    }
    slot.writing = true;
    return chunks;
  }

  /** The chunks {@link #take} gave for this worker are written (or the write failed: see {@link #kill}). */
  void written(WorkerSlot<L> slot) {
    slot.writing = false;
  }

  /** Kills a worker on purpose; its driver reports it gone, and this reason is given for it. */
  void kill(WorkerSlot<L> slot, String reason) {
    if (slot.killedBecause == null) {
      slot.killedBecause = reason;
    }
    slot.link().kill();
  }

  /** A worker with --max-tasks-per-child takes no more than that. */
  private boolean hasRoom(WorkerSlot<L> slot) {
    return policy.maxTasksPerWorker() <= 0 || slot.assigned < policy.maxTasksPerWorker();
  }

  /** How long the dispatcher may sleep from {@code now}: see {@link TaskDeadlines}. */
  long pollNanos(long now) {
    return deadlines.pollNanos(live, now);
  }

  /** A worker's task starts (as the worker reports it): the --task-timeout clock runs from {@code nanos}. */
  void started(WorkerSlot<L> slot, int index, long nanos) {
    if (slot.dead) {
      return;
    }
    slot.runningTask = index;
    slot.runningSince = nanos;
    if (!over && deadlines.dueBeforeNextLook(nanos)) {
      wakeDispatcher.run();
    }
  }

  /**
   * Kills the workers whose running task is over --task-timeout at {@code now}; when their drivers report
   * them gone, that task fails as timed out and the rest go back to the queue.
   */
  void expireOverdue(long now) {
    for (WorkerSlot<L> slot : live) {
      if (deadlines.overdue(slot, now)) {
        slot.timedOutTask = slot.runningTask;
        kill(slot, deadlines.reason());
      }
    }
  }

  /**
   * A chunk's results: each outcome passed on, and what the driver does next.
   *
   * @param lookedNanos when the driver turned to read this reply
   * @param arrivedNanos when it had read it
   */
  Next replied(WorkerSlot<L> slot, Frame.Results results, long lookedNanos, long arrivedNanos) {
    Chunk answered;
    if (slot.dead || over || !ledger.open() || (answered = slot.answered(results.chunk())) == null) {
      return Next.NOTHING; // already handled (its in-flight work was requeued or failed), or the batch is over
    }
    ledger.transit(results.transitNanos(lookedNanos, arrivedNanos));
    List<Frame.TaskOutcome> outcomes = results.outcomes();
    long pid = slot.link().pid();
    long chunkComputeNanos = 0;
    for (int i = 0; i < outcomes.size(); i++) {
      chunkComputeNanos += ledger.outcome(pid, outcomes.get(i), results.payloads(), i);
    }
    slot.quick = chunkComputeNanos < WorkerSlot.QUICK_CHUNK_NANOS;
    if (runs(answered, slot.runningTask)) {
      // Only its own: a cluster member's start reports come by another way than its replies, and the next
      // chunk's start may be there first.
      slot.runningTask = -1;
    }
    Next next = Next.SEND;
    if (!hasRoom(slot) && slot.inFlight.isEmpty()) {
      retire(slot);
      next = Next.RETIRE;
    } else if (results.more()) {
      next = Next.NOTHING; // more results in the same write: their next chunks go out together, after the last
    }
    if (ledger.finished()) {
      wakeDispatcher.run();
    }
    return next;
  }

  private static boolean runs(Chunk chunk, int task) {
    for (int index : chunk.indices()) {
      if (index == task) {
        return true;
      }
    }
    return false;
  }

  /** A worker done with its --max-tasks-per-child leaves the scheduler, and a replacement is wanted. */
  private void retire(WorkerSlot<L> slot) {
    slot.dead = true;
    slot.leave();
    live.remove(slot);
    replacementsWanted++;
    wakeDispatcher.run();
  }

  /**
   * A worker is gone (its output ended): nothing more is sent to it. The first half of a death, before its
   * driver asks the OS about it (its exit code may take a moment) without the lock.
   *
   * @return whether {@link #died} is to follow: false if it was retired, or the batch is over
   */
  boolean gone(WorkerSlot<L> slot) {
    if (slot.dead) {
      return false;
    }
    slot.dead = true;
    live.remove(slot);
    return !over;
  }

  /**
   * The second half of a death: the tasks of the chunk it was running are tried again (up to --retries) or
   * fail; the chunks it had not started go back to the queue untouched ({@link Retries}); a replacement is
   * wanted.
   *
   * @param reason why it is gone, as its driver saw it (unless it was killed on purpose, which says why)
   */
  void died(WorkerSlot<L> slot, String reason, Integer exitCode, String stderrTail) {
    if (over) {
      return;
    }
    String why = slot.killedBecause != null ? slot.killedBecause : reason;
    retries.settle(slot, why, exitCode, stderrTail, ledger, pending);
    replacementsWanted++;
    wakeDispatcher.run();
  }

  /**
   * Chunks a live worker did not answer, though it is not gone (a cluster member's submission failed while
   * the member still runs and is still in the cluster): they go back to the head of the queue untouched, as
   * a dead worker's unstarted chunks do, for whichever worker is free next. No try is counted against
   * --retries: no task is known to have caused it.
   *
   * @return how many tasks went back
   */
  int bounced(WorkerSlot<L> slot, List<Chunk> chunks) {
    if (slot.dead || over) {
      return 0;
    }
    List<Integer> again = new ArrayList<>();
    for (Chunk chunk : chunks) {
      Chunk unanswered = slot.answered(chunk.id());
      if (unanswered == null) {
        continue; // answered after all, or already settled
      }
      for (int index : unanswered.indices()) {
        again.add(index);
        if (index == slot.runningTask) {
          slot.runningTask = -1;
        }
      }
    }
    if (!again.isEmpty()) {
      pending.again(again);
      wakeDispatcher.run();
    }
    return again.size();
  }

  /**
   * A worker given its chunks before it was started (a fork child) could not be started: its tasks fail
   * with {@code reason}, not tried again, and it leaves.
   */
  void couldNotStart(WorkerSlot<L> slot, String reason) {
    if (gone(slot)) {
      for (Chunk chunk : slot.inFlight) {
        for (int index : chunk.indices()) {
          ledger.failed(new TaskFailure(index, reason, -1, null, false, null));
        }
      }
      slot.inFlight.clear();
    }
  }

  /**
   * Whether to start a worker now: in place of one gone, or because none is left, while there is work for
   * it. Counts the request as met.
   */
  boolean nextReplacement() {
    if ((replacementsWanted > 0 || live.isEmpty()) && !pending.isEmpty() && !cancelled) {
      replacementsWanted = Math.max(0, replacementsWanted - 1);
      return true;
    }
    return false;
  }

  /**
   * A worker could not be started. If none is left, every pending task fails with {@code reason}, so that
   * the run ends instead of waiting forever; otherwise those left carry on.
   */
  void noWorkerStarted(String reason) {
    if (live.isEmpty()) {
      for (int index : pending.drain()) {
        ledger.failed(new TaskFailure(index, reason, -1, null, false, null));
      }
    }
  }
}
