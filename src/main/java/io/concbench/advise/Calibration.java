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
  /**
   * Below it a task counts as all waiting: process CPU time comes in 10 ms ticks and includes the JVM's own
   * threads, so over a calibration run of about 200 ms a share this small is indistinguishable from none.
   */
  static final double ONLY_WAITS = 0.1;

  /**
   * About how long one run of a candidate takes: the tasks' time spread over its workers, computing work
   * over no more workers than the capacity.
   */
  public double estimatedRunMs(Candidate c) {
    int workers = Math.max(1, Math.min(c.workers(), tasks));
    double parallel = cpuBound() ? Math.min(workers, Math.max(1, capacity)) : workers;
    return taskMs * Math.ceil(tasks / parallel);
  }

  /**
   * True when the capacity probe found a core or more of the processors taken by other work: the advice
   * then holds for the machine as busy as it was, and says so (docs/advise.md).
   */
  public boolean busy() {
    return processors > 1 && capacity <= processors - 0.5;
  }

  /** Work that computes most of the time. */
  boolean cpuBound() {
    return cpuShare >= WAITS;
  }

  /**
   * The worker count the lesson's rule points at: enough threads to keep the capacity busy when each keeps
   * only {@code cpuShare} of a core busy, never more than the tasks; as many as the tasks for work that
   * only waits ({@link #ONLY_WAITS}).
   */
  int idealWorkers() {
    if (cpuShare < ONLY_WAITS) {
      return Math.min(tasks, 4096);
    }
    double share = cpuShare;
    long ideal = Math.round(Math.max(1, capacity) / share);
    return (int) Math.max(1, Math.min(tasks, Math.min(ideal, 4096)));
  }
}
