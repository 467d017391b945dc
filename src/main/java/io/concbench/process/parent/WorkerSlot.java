package io.concbench.process.parent;

import java.util.ArrayDeque;

/**
 * A worker as its {@link ChunkScheduler} sees it: what it has been sent and not yet answered, how much more
 * it may be sent, what it is running, whether it is gone. Guarded by the lock of the scheduler's driver,
 * except {@link #leaving()}.
 */
final class WorkerSlot<L extends WorkerLink> {

  /**
   * Chunks in flight per worker, as CPython's pool queues work ahead: while a worker computes one chunk the
   * next is already in its pipe; a strict request-reply loop would pay a whole pipe round trip per chunk.
   */
  static final int CHUNKS_IN_FLIGHT = 2;
  /**
   * Chunks in flight, at most, to a worker whose chunks are quick (their tasks computed in under
   * {@value #QUICK_CHUNK_NANOS} ns) and small: then frames go several per system call each way (the worker
   * answers the chunks already buffered together, see worker.WorkerSession), and a few more queued chunks
   * cost the other workers almost nothing if this one dies or finishes last. Depth measured: 2 chunks 32.9 µs
   * a task, 8: 19.6, 16: 14.8, 32: 11.5-14.1, 64: 14.2-14.4 (docs/process-executors.md).
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

  private final L link;
  /** Chunks sent and not yet answered, in the order sent: a worker answers them in that order. */
  final ArrayDeque<Chunk> inFlight = new ArrayDeque<>();
  long assigned;
  /** Its last chunk computed in under {@link #QUICK_CHUNK_NANOS}. */
  boolean quick;
  int runningTask = -1;
  long runningSince;
  /** Gone from the pool (died, or retired): its in-flight work was requeued or failed. */
  boolean dead;
  /** Its driver is writing chunks to it outside the lock: nobody else may write to it meanwhile. */
  boolean writing;
  /** Set when it was killed on purpose: why, for the report, and the task that ran over time (or -1). */
  String killedBecause;
  int timedOutTask = -1;
  /** Asked to leave: its goodbye in return is expected. Written and read by any thread. */
  private volatile boolean leaving;

  WorkerSlot(L link) {
    this.link = link;
  }

  L link() {
    return link;
  }

  boolean leaving() {
    return leaving;
  }

  void leave() {
    leaving = true;
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
    for (Chunk chunk : inFlight) {
      bytes += chunk.frameBytes();
    }
    return bytes;
  }

  /** The chunk in flight with this id, removed; null if there is none (a stale reply). */
  Chunk answered(long chunkId) {
    Chunk first = inFlight.peekFirst();
    if (first != null && first.id() == chunkId) {
      return inFlight.pollFirst();
    }
    for (var chunks = inFlight.iterator(); chunks.hasNext(); ) {
      Chunk chunk = chunks.next();
      if (chunk.id() == chunkId) {
        chunks.remove();
        return chunk;
      }
    }
    return null;
  }
}
