package io.concbench.process.parent;

import java.io.IOException;
import java.util.List;

/**
 * A worker as its {@link ChunkScheduler} drives it: a worker JVM over pipes here ({@link ProcessLink}), a
 * fake in tests, a cluster member later. The scheduler itself only ever kills a link (never blocking, with
 * its driver's lock held); chunks are sent by the driver, outside its lock.
 */
interface WorkerLink {

  /** The worker's process id, for failure reports; -1 while it has none. */
  long pid();

  /** Sends chunks, in order, as few writes as they fit; may block while the worker's input is full. */
  void send(List<Chunk> chunks) throws IOException;

  /**
   * Ends the worker at once, without blocking (a signal, not a wait): its driver then sees it gone and
   * reports that to the scheduler.
   */
  void kill();
}
