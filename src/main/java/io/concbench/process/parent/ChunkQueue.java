package io.concbench.process.parent;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The chunks of a batch not yet handed to a worker, in the order they go. Guarded by the driver's lock. */
final class ChunkQueue {

  /** Tasks to send as one chunk; {@code again} when they came back from a worker that died. */
  record Work(int[] indices, boolean again) {}

  private final Deque<Work> pending = new ArrayDeque<>();

  /** Tasks 0 to {@code count - 1}, in chunks of {@code chunkSize} (the last may be smaller). */
  void split(int count, int chunkSize) {
    for (int from = 0; from < count; from += chunkSize) {
      int[] indices = new int[Math.min(chunkSize, count - from)];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = from + i;
      }
      pending.add(new Work(indices, false));
    }
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** The size of the next chunk; the queue must not be empty. */
  int nextSize() {
    return pending.peek().indices().length;
  }

  /** The first task of the next chunk; the queue must not be empty. */
  int nextFirst() {
    return pending.peek().indices()[0];
  }

  /** Whether the next chunk came back from a worker that died; the queue must not be empty. */
  boolean nextAgain() {
    return pending.peek().again();
  }

  Work poll() {
    return pending.poll();
  }

  /** Tasks back from a dead worker: first, as one chunk, since they were already waiting longest. */
  void again(List<Integer> tasks) {
    int[] indices = new int[tasks.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = tasks.get(i);
    }
    pending.addFirst(new Work(indices, true));
  }

  /** Every task left, in order, and the queue emptied. */
  int[] drain() {
    int count = 0;
    for (Work work : pending) {
      count += work.indices().length;
    }
    int[] tasks = new int[count];
    int at = 0;
    for (Work work : pending) {
      System.arraycopy(work.indices(), 0, tasks, at, work.indices().length);
      at += work.indices().length;
    }
    pending.clear();
    return tasks;
  }
}
