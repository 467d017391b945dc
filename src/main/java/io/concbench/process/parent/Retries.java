package io.concbench.process.parent;

import io.concbench.executor.TaskFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * What becomes of a dead worker's tasks: the one it was running is tried again up to --retries times, then
 * fails (a task over --task-timeout fails at once); the chunks it had not started go back untouched.
 * Guarded by the scheduler's driver's lock.
 */
final class Retries {

  private final int retries;
  private final String workerNoun;
  private int[] attempts = new int[0];

  Retries(int retries, String workerNoun) {
    this.retries = retries;
    this.workerNoun = workerNoun;
  }

  void begin(int count) {
    attempts = new int[count];
  }

  /**
   * Settles the tasks in flight to a dead worker: failed into {@code ledger}, or back to {@code pending} as
   * one chunk at its head (they were already waiting longest).
   *
   * @param why why it is gone
   */
  void settle(WorkerSlot<?> slot, String why, Integer exitCode, String stderrTail, TaskLedger ledger,
      ChunkQueue pending) {
    int timedOutTask = slot.timedOutTask;
    long pid = slot.link().pid();
    List<Integer> again = new ArrayList<>();
    // Without start reports, the first chunk in flight is taken as the one running; but if the worker was
    // allowed to hold that chunk's results back, it may have finished it (and more) unreported: then which
    // task was running is not known and no task counts a try. The tasks come back as chunks whose results
    // are never held, so that the next death, if one of them causes it, is counted exactly.
    boolean first = slot.inFlight.isEmpty() || !slot.inFlight.peekFirst().mayHold();
    for (Chunk chunk : slot.inFlight) {
      for (int index : chunk.indices()) {
        boolean wasRunning = timedOutTask >= 0 ? index == timedOutTask
            : slot.runningTask >= 0 ? index == slot.runningTask : first;
        if (index == timedOutTask) {
          ledger.failed(new TaskFailure(index, why, pid, exitCode, true, stderrTail));
        } else if (wasRunning && attempts[index] >= retries) {
          ledger.failed(new TaskFailure(index, workerNoun + " died: " + why, pid, exitCode, false, stderrTail));
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
    if (!again.isEmpty()) {
      pending.again(again);
    }
  }
}
