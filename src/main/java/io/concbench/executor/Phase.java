package io.concbench.executor;

/**
 * A part of a run that the process executors time on their own, besides the run's wall time. Each is one
 * {@code *_ms} summary of a result (docs/json-schema.md): the average per task or per worker in a run, as
 * each constant says.
 */
public enum Phase {
  /** fork: from spawning a JVM to its handshake, per task ({@code startup_ms}). */
  STARTUP,
  /** fork, process-pool: a task's compute time inside its worker, per task ({@code compute_ms}). */
  COMPUTE,
  /** fork, process-pool: a task's time in the pipes, request and reply, per task ({@code ipc_ms}). */
  IPC,
  /** fork: from the goodbye to the child reaped, per task ({@code exit_ms}). */
  EXIT,
  /** process-pool: starting every worker until all are ready, per run ({@code pool_start_ms}). */
  POOL_START,
  /** process-pool: from the goodbyes to every worker reaped, per run ({@code shutdown_ms}). */
  SHUTDOWN,
  /**
   * cluster: launching the local members until every one has joined and warmed up, the client connected,
   * per run ({@code cluster_start_ms}): the parent's extra start-up.
   */
  CLUSTER_START
}
