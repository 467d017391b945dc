package io.concbench.process.parent;

import java.io.IOException;
import java.util.List;

/**
 * A worker JVM as a {@link WorkerLink}: chunks become TASKS frames, each task with its payload. A fork
 * child's link exists before its JVM does (its task is claimed first, so that a JVM is never started for
 * nothing), so the process is set when it has been spawned; a kill before that kills it as it comes.
 */
final class ProcessLink implements WorkerLink {

  private final int payloadBytes;
  private volatile WorkerProcess process;
  private volatile boolean killed;

  ProcessLink(int payloadBytes) {
    this.payloadBytes = payloadBytes;
  }

  ProcessLink(WorkerProcess process, int payloadBytes) {
    this(payloadBytes);
    this.process = process;
  }

  /** The JVM this link stands for, once spawned. */
  void spawned(WorkerProcess spawned) {
    process = spawned;
    if (killed) {
      spawned.kill();
    }
  }

  /** Its process, or null before it was spawned. */
  WorkerProcess process() {
    return process;
  }

  @Override
  public long pid() {
    WorkerProcess spawned = process;
    return spawned == null ? -1 : spawned.pid();
  }

  @Override
  public void send(List<Chunk> chunks) throws IOException {
    process.send(chunks, payloadBytes);
  }

  @Override
  public void kill() {
    killed = true;
    WorkerProcess spawned = process;
    if (spawned != null) {
      spawned.kill();
    }
  }
}
