package io.concbench.process.parent;

import io.concbench.executor.RemoteTasks;
import io.concbench.executor.TaskFailure;
import io.concbench.process.wire.Frame;

/**
 * Every task of a batch reported to the engine exactly once, completed or failed, and the times its workers
 * measured: a {@link ChunkScheduler}'s books. Guarded by the scheduler's driver's lock.
 */
final class TaskLedger {

  private final String workerNoun;
  private final int payloadBytes;
  private RemoteTasks remote;
  private long tasks;
  private long accounted;
  private long computeNanos;
  private long transitNanos;
  private long tasksCompleted;
  private long failedCount;

  /**
   * @param workerNoun how failures name the process ("threw in the worker: ...")
   * @param payloadBytes the size each result's payload must have (0: none)
   */
  TaskLedger(String workerNoun, int payloadBytes) {
    this.workerNoun = workerNoun;
    this.payloadBytes = payloadBytes;
  }

  void begin(int count, RemoteTasks remote) {
    this.remote = remote;
    tasks = count;
    accounted = 0;
  }

  /** A chunk handed to a worker: at a rate, its tasks' queueing ends here. */
  void dispatched(Chunk chunk) {
    for (int index : chunk.indices()) {
      remote.dispatched(index, chunk.sentNanos());
    }
  }

  /** A batch has begun: outcomes may be reported. */
  boolean open() {
    return remote != null;
  }

  /** Every task completed or failed. */
  boolean finished() {
    return accounted >= tasks;
  }

  /**
   * One task's outcome, its result payload checked; its compute time. A method of its own, called once per
   * task, so that the JIT compiles it after a few hundred: the body of a loop in a method called once per
   * chunk stays interpreted until on-stack replacement, tens of thousands of iterations later, and took 1-5
   * µs a task in a run's first chunks (docs/process-executors.md). For the same reason the engine hears of
   * each task on its own, not of a chunk in one call that loops over it (measured: slower).
   */
  long outcome(long pid, Frame.TaskOutcome outcome, byte[][] payloads, int position) {
    String payloadProblem = payloadProblem(outcome.index(), payloads, position);
    if (outcome.error() != null || payloadProblem != null) {
      String reason = outcome.error() != null ? "threw in the " + workerNoun + ": " + outcome.error() : payloadProblem;
      remote.failed(new TaskFailure(outcome.index(), reason, pid, null, false, null));
      failedCount++;
    } else {
      remote.completed(outcome.index(), outcome.result(), outcome.computeNanos());
      computeNanos += outcome.computeNanos();
      tasksCompleted++;
    }
    accounted++;
    return outcome.computeNanos();
  }

  private String payloadProblem(int index, byte[][] payloads, int position) {
    if (payloadBytes == 0) {
      return null;
    }
    if (position >= payloads.length || payloads[position].length != payloadBytes) {
      return "result payload missing or of the wrong size";
    }
    return payloads[position][0] == (byte) ~(byte) index ? null : "result payload belongs to another task";
  }

  /** A task that failed outside its worker's code (the worker died, hung, or never started). */
  void failed(TaskFailure failure) {
    remote.failed(failure);
    failedCount++;
    accounted++;
  }

  /** A chunk's pipe transit, request and reply. */
  void transit(long nanos) {
    transitNanos += nanos;
  }

  /** Time of the tasks completed, summed as their workers measured it. */
  long computeNanos() {
    return computeNanos;
  }

  /** Pipe transit of the chunks answered, summed. */
  long transitNanos() {
    return transitNanos;
  }

  /** Tasks failed so far, for whatever reason. */
  long failedCount() {
    return failedCount;
  }

  long tasksCompleted() {
    return tasksCompleted;
  }
}
