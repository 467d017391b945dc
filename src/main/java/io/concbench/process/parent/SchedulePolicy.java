package io.concbench.process.parent;

import io.concbench.executor.ProcessSettings;

/**
 * How a {@link ChunkScheduler} shares a batch among workers, and what it does when one dies, runs over time
 * or has done its share.
 *
 * @param chunksize tasks per chunk, or 0 for CPython's default, ceil(tasks / (4 × workers))
 * @param workers how many workers share the tasks (for the default chunksize)
 * @param maxTasksPerWorker tasks after which a worker is retired (and replaced), or 0 for never
 * @param retries how often a task whose worker died while running it is tried again
 * @param taskTimeoutNanos how long a task may run before its worker is killed, or 0 for no limit
 * @param payloadBytes bytes sent with each task (a chunk's size on the wire depends on it)
 * @param workerNoun how failure reasons name the process: "worker died: ...", "threw in the child: ..."
 */
record SchedulePolicy(int chunksize, int workers, int maxTasksPerWorker, int retries, long taskTimeoutNanos,
    int payloadBytes, String workerNoun) {

  /** process-pool: chunks of --chunksize (or CPython's default), --max-tasks-per-child. */
  static SchedulePolicy pool(int workers, ProcessSettings settings) {
    return new SchedulePolicy(settings.chunksize(), workers, settings.maxTasksPerChild(), settings.retries(),
        settings.taskTimeoutNanos(), settings.payloadBytes(), "worker");
  }

  /**
   * cluster: chunks of --chunksize (or CPython's default) to members that are not replaced; no payloads
   * (refused by the planner); --task-timeout from the starts a member reports when asked.
   */
  static SchedulePolicy cluster(int members, ProcessSettings settings) {
    return new SchedulePolicy(settings.chunksize(), members, 0, settings.retries(), settings.taskTimeoutNanos(),
        0, "member");
  }

  /** fork: one task per fresh child, which then leaves. */
  static SchedulePolicy fork(ProcessSettings settings) {
    return new SchedulePolicy(1, 1, 1, settings.retries(), settings.taskTimeoutNanos(), settings.payloadBytes(),
        "child");
  }

  /** Tasks per chunk for a batch of {@code tasks}. */
  int chunkSize(int tasks) {
    return chunksize > 0 ? chunksize : Math.max(1, (int) Math.ceil(tasks / (4.0 * workers)));
  }
}
