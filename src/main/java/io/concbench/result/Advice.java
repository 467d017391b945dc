package io.concbench.result;

import java.util.List;

/**
 * What {@code concbench advise} found: how to run one workload on this machine, with the evidence, what
 * else was tried and why it lost, the crossovers a user can act on, and a modelled line for CPython. Every
 * field is documented in docs/json-schema.md and docs/advise.md.
 *
 * @param recommendation the advice in one sentence, with its evidence
 * @param picked the candidate recommended; null if nothing was measured
 * @param runnerUp the next best candidate still standing or dropped last; null if there was none
 * @param runnerUpLost why the runner-up was not picked
 * @param withinNoise true when the pick and the runner-up are tied (overlapping intervals, medians within
 *     5 %, paired round-by-round ratios within 0.90-1.10): the cheaper one was picked
 * @param candidates every candidate, in the order the rules proposed them
 * @param calibration what the short calibration measured before any candidate ran
 * @param crossovers the task size and worker count where the advice changes
 * @param gilModel what the lesson's model advises under a GIL (CPython): a model, not a measurement
 * @param elapsedMs how long advise ran, calibration included
 * @param maxTimeMs the --max-time it was given
 * @param complete false when interrupted: the advice stands on what was measured until then
 * @param stoppedForTime true when the search stopped because its next step would have passed --max-time:
 *     the advice stands on the rounds that fitted
 */
public record Advice(
    String recommendation,
    AdviceCandidate picked,
    AdviceCandidate runnerUp,
    String runnerUpLost,
    boolean withinNoise,
    List<AdviceCandidate> candidates,
    Calibration calibration,
    Crossovers crossovers,
    String gilModel,
    double elapsedMs,
    double maxTimeMs,
    boolean complete,
    boolean stoppedForTime) {

  public Advice {
    candidates = candidates == null ? List.of() : List.copyOf(candidates);
  }

  /**
   * One configuration tried.
   *
   * @param chunksize process-pool's tasks per frame (null: not process-pool, or its default)
   * @param guard the counter's guard (null: no counter)
   * @param hypothesis the rule that proposed it
   * @param status {@code picked}, {@code runner-up}, {@code kept} (standing at the end, not picked) or
   *     {@code dropped}
   * @param why why it was dropped or not picked; null for the pick
   * @param rounds measured rounds it ran in
   * @param speedup median over rounds of the reference's wall time over its own in the same round
   * @param speedupCi the 95 % interval of that median (its confidence lower with few rounds)
   * @param efficiency speedup over the capacity (or, for work that waits, over the bound); null if not known
   * @param efficiencyAgainst {@code capacity} or {@code bound}; null with no efficiency
   * @param startupMs what it costs once, before its first task (a process pool's start); null for none
   */
  public record AdviceCandidate(
      String executor,
      int workers,
      Integer chunksize,
      String guard,
      String hypothesis,
      String status,
      String why,
      int rounds,
      Double speedup,
      MedianInterval speedupCi,
      Double efficiency,
      String efficiencyAgainst,
      Double startupMs) {}

  /**
   * What the calibration measured.
   *
   * @param taskMs one task's time on one thread (median)
   * @param cpuShare the share of a core a task keeps busy: CPU time over wall time on one thread
   * @param capacity the cores the machine gave (probed as {@code run} does); null with one processor
   * @param processors the available processors
   * @param poolStartMs starting a process pool (null if process executors were not tried)
   * @param dispatchMs one task's trip to a worker process and back at chunksize 1 (null likewise)
   * @param referenceEstimated true when the one-thread reference was too long to run whole: speedups are
   *     then against {@code taskMs} times the task count
   */
  public record Calibration(
      double taskMs,
      double cpuShare,
      Double capacity,
      int processors,
      Double poolStartMs,
      Double dispatchMs,
      boolean referenceEstimated) {}

  /**
   * Where the advice changes.
   *
   * @param processPoolMinTaskMs the task time below which a process pool does not pay for itself here at
   *     chunksize 1 (a chunk of c tasks divides it by about c); null if not measured
   * @param processPoolMinRunMs one thread's time for a whole run below which a process pool's start is not
   *     repaid here, whatever the chunks; null if not measured
   * @param workersBeyondNoHelp the worker count beyond which more workers add less than 5 % (from the USL
   *     fit to the measured speedups); null without two worker counts beyond one
   * @param uslExecutor the executor whose worker counts were fitted; null without a fit
   * @param uslSigma the fit's contention; null without a fit
   * @param uslKappa the fit's coherency; null without a fit
   */
  public record Crossovers(
      Double processPoolMinTaskMs,
      Double processPoolMinRunMs,
      Integer workersBeyondNoHelp,
      String uslExecutor,
      Double uslSigma,
      Double uslKappa) {}
}
