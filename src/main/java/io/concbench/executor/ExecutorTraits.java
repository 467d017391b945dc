package io.concbench.executor;

/**
 * What an executor is, as help, {@code list}, the planner and the engine need to know it before running it:
 * its name and description, how many threads run its tasks at once, the most tasks it takes, and which
 * options and probes apply to it. Made with {@link #of} and the methods that add one trait each, so that a
 * declaration reads as a sentence ({@code of(...).chunked().inOtherProcesses()}), not as a row of positional
 * booleans.
 *
 * @param maxTasks the most tasks it takes in one run (a thread per task costs memory), 0 for no limit
 * @param takesChunksize it sends tasks in chunks, so {@code --chunksize} applies
 * @param usesGuard it updates the shared counter whatever the workload, so {@code --guard} applies
 * @param inOtherProcesses its tasks run in other processes: it takes the process options, is probed with
 *     processes, and cannot share a counter between tasks
 * @param takesRate it releases each task at its due time, so {@code --rate} applies
 */
public record ExecutorTraits(String name, String description, Concurrency concurrency, int maxTasks,
    boolean takesChunksize, boolean usesGuard, boolean inOtherProcesses, boolean takesRate) {

  /** How many threads (or processes) an executor runs tasks on at once. */
  public enum Concurrency {
    /** One thread, whatever --workers says. */
    ONE,
    /** {@code --workers} threads (or processes). */
    WORKERS,
    /** One thread per task, all at once: at most {@link #maxTasks} tasks. */
    PER_TASK
  }

  /** An executor with no task limit, no chunks, no guard of its own, in this process, that takes a rate. */
  public static ExecutorTraits of(String name, String description, Concurrency concurrency) {
    return new ExecutorTraits(name, description, concurrency, 0, false, false, false, true);
  }

  public ExecutorTraits withMaxTasks(int tasks) {
    return new ExecutorTraits(name, description, concurrency, tasks, takesChunksize, usesGuard, inOtherProcesses,
        takesRate);
  }

  public ExecutorTraits chunked() {
    return new ExecutorTraits(name, description, concurrency, maxTasks, true, usesGuard, inOtherProcesses, takesRate);
  }

  public ExecutorTraits guarded() {
    return new ExecutorTraits(name, description, concurrency, maxTasks, takesChunksize, true, inOtherProcesses,
        takesRate);
  }

  public ExecutorTraits otherProcesses() {
    return new ExecutorTraits(name, description, concurrency, maxTasks, takesChunksize, usesGuard, true, takesRate);
  }

  /** It hands its tasks out as fast as it can, with no schedule: {@code --rate} does not apply. */
  public ExecutorTraits withoutRate() {
    return new ExecutorTraits(name, description, concurrency, maxTasks, takesChunksize, usesGuard,
        inOtherProcesses, false);
  }

  /** True if {@code --workers} sets its thread (or process) count. */
  public boolean parallel() {
    return concurrency == Concurrency.WORKERS;
  }

  /** Threads that run tasks at once: what efficiency (speedup per worker) divides by. */
  public int threadsAtOnce(int workers, int tasks) {
    return switch (concurrency) {
      case ONE -> 1;
      case WORKERS -> workers;
      case PER_TASK -> tasks;
    };
  }
}
