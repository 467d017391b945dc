package io.concbench.advise;

import java.util.Comparator;
import java.util.Locale;

/**
 * One configuration advise may measure: an executor with its worker count, chunksize and guard, and the
 * rule that proposed it. Plain data; the command line turns it into a case.
 *
 * @param chunksize process-pool's tasks per frame, 0 for its default
 * @param guard the counter's guard label, null without a counter
 * @param hypothesis the rule of the decision table this candidate tests (docs/advise.md)
 */
public record Candidate(String executor, int workers, int chunksize, String guard, String hypothesis) {

  public static final String SINGLE = "single";
  public static final String THREAD_POOL = "thread-pool";
  public static final String THREAD_PER_TASK = "thread-per-task";
  public static final String VIRTUAL = "virtual";
  public static final String PROCESS_POOL = "process-pool";
  public static final String FORK = "fork";

  /** True for executors whose tasks run in other processes: they cost a JVM each. */
  public boolean inOtherProcesses() {
    return executor.equals(PROCESS_POOL) || executor.equals(FORK);
  }

  /**
   * The platform threads or processes it holds: what a user pays for it beyond the work. Virtual threads
   * ride on a carrier per processor, so they cost fewer platform threads than a pool of as many threads.
   */
  int footprint(int processors) {
    if (executor.equals(VIRTUAL)) {
      return Math.min(workers, processors);
    }
    return workers;
  }

  /**
   * Cheapest first: in-process before other processes, then fewer platform threads or processes, then the
   * larger chunk (fewer trips through the pipes).
   */
  static Comparator<Candidate> cheapestFirst(int processors) {
    return Comparator.comparing(Candidate::inOtherProcesses)
        .thenComparingInt((Candidate c) -> c.footprint(processors))
        .thenComparing(c -> c.chunksize == 0 ? 0 : -c.chunksize);
  }

  /** How people read it: "thread-pool with 4 workers", "process-pool with 2 workers, chunksize 64". */
  public String label() {
    StringBuilder text = new StringBuilder(executor);
    if (executor.equals(SINGLE)) {
      text.append(" (one thread)");
    } else if (executor.equals(VIRTUAL) || executor.equals(THREAD_PER_TASK)) {
      text.append(String.format(Locale.ROOT, " (%d threads)", workers));
    } else {
      text.append(String.format(Locale.ROOT, " with %d worker%s", workers, workers == 1 ? "" : "s"));
    }
    if (chunksize > 0) {
      text.append(", chunksize ").append(chunksize);
    }
    if (guard != null) {
      text.append(", guard ").append(guard);
    }
    return text.toString();
  }
}
