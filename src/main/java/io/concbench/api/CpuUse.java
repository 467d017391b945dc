package io.concbench.api;

/**
 * How a workload's tasks use a core while they run: what decides whether a result is read against the
 * machine's capacity alone, or also against the speedup bound of work that waits (docs/capacity.md). A
 * property of the work, so that two reports of the same work agree on it; a noisy run's CPU time must not
 * decide it.
 */
public enum CpuUse {
  /** Every task computes all the time it runs: the {@code cpu} loop. */
  COMPUTES,
  /** Tasks wait as well as compute (I/O, a sleep, another process): {@code mixed}, {@code io}. */
  COMPUTES_AND_WAITS,
  /**
   * Not known in advance, as for a command: concbench decides from the baseline's CPU time over a long
   * enough stretch, and calls it waiting only when an interval of its share of a core excludes all of it.
   */
  MEASURED
}
