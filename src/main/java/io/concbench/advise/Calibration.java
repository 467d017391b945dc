package io.concbench.advise;

/**
 * What advise measured before proposing candidates: the facts the decision table's rules read.
 *
 * @param taskMs one task's time on one thread (median)
 * @param cpuShare CPU time over wall time on one thread: near 1 the work computes, near 0 it waits
 * @param capacity the cores the machine gives now (1 with one processor)
 * @param processors the available processors
 * @param tasks the tasks of one run
 * @param poolStartMs starting a process pool of {@code processors} workers; null if not measured
 * @param dispatchMs one task's trip to a worker process and back at chunksize 1; null if not measured
 * @param virtualAvailable true if this JVM has virtual threads (JDK 21+)
 * @param processesAllowed false where process executors cannot run this work (a command, a shared counter)
 * @param sharedCounter true for work that updates one shared counter: guards are what is compared
 * @param maxThreadPerTask most tasks thread-per-task and virtual take (0: no cap)
 */
public record Calibration(double taskMs, double cpuShare, double capacity, int processors, int tasks,
    Double poolStartMs, Double dispatchMs, boolean virtualAvailable, boolean processesAllowed,
    boolean sharedCounter, int maxThreadPerTask) {

  /** Below it a task mostly waits: its threads overlap their waits whatever the cores. */
  static final double WAITS = 0.5;

  /** Work that computes most of the time. */
  boolean cpuBound() {
    return cpuShare >= WAITS;
  }

  /**
   * The worker count the lesson's rule points at: enough threads to keep the capacity busy when each keeps
   * only {@code cpuShare} of a core busy, never more than the tasks.
   */
  int idealWorkers() {
    double share = Math.max(cpuShare, 1e-3);
    long ideal = Math.round(Math.max(1, capacity) / share);
    return (int) Math.max(1, Math.min(tasks, Math.min(ideal, 4096)));
  }
}
