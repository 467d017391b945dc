package io.concbench.advise;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --max-time} as a real bound: a step starts only if it would end within it, judged by the longest
 * steps so far. A round of candidates is judged by each one's longest run so far (before its first, the
 * calibration's estimate, with a process pool's start) and the longest overhead of a pass (one run of
 * each candidate: the capacity probe, pool starts and shutdowns, the time beyond the runs), times the
 * passes of the round. Pure: it is told the times.
 */
public final class TimeBudget {

  private final long startedNanos;
  private final long maxNanos;
  private final Map<Candidate, Long> longestRunNanos = new LinkedHashMap<>();
  private long longestOverheadNanos;

  public TimeBudget(long startedNanos, long maxNanos) {
    this.startedNanos = startedNanos;
    this.maxNanos = maxNanos;
  }

  /** True if a step of about {@code nanos}, started at {@code nowNanos}, ends within the bound. */
  public boolean fits(long nowNanos, double nanos) {
    return nowNanos - startedNanos + nanos <= maxNanos;
  }

  /** A pass's time beyond its runs, before any round was timed: e.g. the calibration's capacity probes. */
  public void overheadAtLeast(long nanos) {
    longestOverheadNanos = Math.max(longestOverheadNanos, nanos);
  }

  /** About how long a round of these candidates takes, each with {@code warmup} warm-up runs too. */
  public double roundNanos(List<Candidate> group, int warmup, Calibration calibration) {
    return roundNanos(group, warmup, 1, calibration);
  }

  /**
   * About how long a round takes in which each candidate runs {@code runs} times after {@code warmup}
   * warm-up runs: its longest run so far for each run, and the longest overhead of a pass so far (a pass:
   * one run of each candidate; a process pool starts, and the capacity is probed, for every pass) for each
   * pass, warm-up included.
   */
  public double roundNanos(List<Candidate> group, int warmup, int runs, Calibration calibration) {
    double total = longestOverheadNanos * (double) (runs + warmup);
    for (Candidate c : group) {
      Long longest = longestRunNanos.get(c);
      double run;
      if (longest != null) {
        run = longest;
      } else {
        run = calibration.estimatedRunMs(c) * 1e6;
        if (c.inOtherProcesses() && calibration.poolStartMs() != null) {
          run += calibration.poolStartMs() * 1e6;
        }
      }
      total += run * (runs + warmup);
    }
    return total;
  }

  /**
   * Learns from a round that took {@code roundNanos}: each candidate's longest run ({@code runNanos}, the
   * wall times of its measured runs), and the round's time beyond its runs (warm-up runs count as long as
   * the longest measured one), per pass: one run of each candidate, warm-up or measured.
   */
  public void learnRound(Map<Candidate, List<Long>> runNanos, int warmup, long roundNanos) {
    long walls = 0;
    int runs = 1;
    for (Map.Entry<Candidate, List<Long>> e : runNanos.entrySet()) {
      runs = Math.max(runs, e.getValue().size());
      long longest = e.getValue().stream().mapToLong(Long::longValue).max().orElse(0);
      longestRunNanos.merge(e.getKey(), longest, Math::max);
      walls += e.getValue().stream().mapToLong(Long::longValue).sum() + longest * warmup;
    }
    longestOverheadNanos = Math.max(longestOverheadNanos, (roundNanos - walls) / (runs + warmup));
  }
}
