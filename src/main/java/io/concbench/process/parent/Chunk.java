package io.concbench.process.parent;

/**
 * Tasks sent to a worker as one TASKS frame.
 *
 * @param id unique within a run; the worker's reply names it
 * @param sentNanos when it was handed to be sent: its request's pipe transit counts from here
 * @param frameBytes its frame's size on the wire, for the rule of what a reader thread may write itself
 * @param mayHold whether the worker may hold its results back to write them with later ones (docs/protocol.md)
 */
record Chunk(long id, int[] indices, long sentNanos, long frameBytes, boolean mayHold) {

  /**
   * The same chunk stamped when it is really sent: a fork child's chunk is claimed before the child is
   * spawned, and its transit must not count the child's start-up.
   */
  Chunk sentAt(long nanos) {
    return new Chunk(id, indices, nanos, frameBytes, mayHold);
  }
}
