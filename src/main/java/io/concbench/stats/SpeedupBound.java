package io.concbench.stats;

import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.RunSample;
import io.concbench.result.CapacitySummary;
import io.concbench.system.BackgroundLoad;

/**
 * The most speedup the machine allows a result's work in its minutes, and how close the result came to it.
 *
 * <p>A task that keeps a core busy for a share d of its time (d = the baseline's CPU time over its wall time,
 * at most 1) needs d cores per task in flight. With W workers on a machine that gives C cores the work is
 * capped twice: by the workers (at most W tasks at once) and by the cores (at most C / d tasks' worth of
 * computing at once). The bound is min(W, C / d), a roofline. For all-CPU work (d = 1) it is the capacity,
 * or W where a probe read more than W, so the efficiency against it is {@code efficiency_vs_capacity}; for
 * work that also waits (the {@code mixed} workload) the waits overlap beyond the cores, the capacity
 * understates what the machine allows, and efficiency against capacity passes 1 where this one does not.
 */
final class SpeedupBound {

  /**
   * {@code demand}: d; {@code bound}: the median over rounds of each round's bound; {@code efficiency}: of
   * speedup / bound.
   */
  record Figures(double demand, double bound, double efficiency) {}

  private static final double NANOS_PER_MS = 1e6;

  /**
   * Above this steal share the hypervisor took time the baseline's CPU clock does not count, so its CPU time
   * over its wall time reads below its work's share of a core and the bound would read high.
   */
  static final double MAX_STEAL_SHARE = 0.05;

  private SpeedupBound() {}

  /**
   * Each measured round's bound from that round's capacity, where the rounds align ({@code roundSpeedups}:
   * the rounds' speedups that {@code efficiency_vs_capacity} pairs with their capacity, or null), else one
   * from the capacity's median. d comes from all the
   * baseline's runs together: it is a property of the work, and pooling the runs makes its 10 ms CPU
   * ticks a smaller share. Null without a speedup, a capacity or the baseline's CPU time; when the
   * baseline's runs used under 200 ms of CPU together (too few ticks to tell its share of a core: a 5 ms run
   * of {@code tiny} tasks reads 0 or 10 ms); when the hypervisor stole more than 5 % of the CPUs' time; and
   * against a baseline of more than one worker, whose CPU time over wall time is not one task's demand.
   */
  static Figures of(Measurement m, Measurement baseline, Double speedup, CapacitySummary capacity, int workers,
      double[] roundSpeedups) {
    if (baseline == null || speedup == null || capacity == null || baseline.benchmarkCase().workers() != 1
        || stolen(m.backgroundLoad())) {
      return null;
    }
    Double demand = demand(baseline);
    if (demand == null) {
      return null;
    }
    if (roundSpeedups == null || roundSpeedups.length == 0) {
      double bound = bound(workers, capacity.median(), demand);
      return new Figures(demand, bound, speedup / bound);
    }
    double[] bounds = new double[roundSpeedups.length];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = bound(workers, m.capacity().get(i), demand);
    }
    double[] efficiencies = ResultAssembler.perRound(roundSpeedups, i -> bounds[i]);
    return new Figures(demand, Summaries.of(bounds).median(), Summaries.of(efficiencies).median());
  }

  /** min(workers, capacity / demand), demand above 0. */
  static double bound(int workers, double capacity, double demand) {
    return Math.min(workers, capacity / demand);
  }

  /**
   * The share of one core the baseline's tasks keep busy, over all its runs, capped at 1: a single thread's
   * work needs no more, and what a run spends above it is the JVM's own (compiler and collector threads),
   * not the work's. Null where a run's CPU time is unknown or all of it is too little to measure.
   */
  private static Double demand(Measurement baseline) {
    long cpu = 0;
    long wall = 0;
    for (RunSample run : baseline.runs()) {
      if (run.cpu().totalNanos() < 0 || run.wallNanos() <= 0) {
        return null;
      }
      cpu += run.cpu().totalNanos();
      wall += run.wallNanos();
    }
    if (wall == 0 || cpu < Warnings.CPU_TICK_RELIABLE_MS * NANOS_PER_MS) {
      return null;
    }
    return Math.min(1.0, (double) cpu / wall);
  }

  private static boolean stolen(BackgroundLoad load) {
    return load != null && load.stealShare() != null && load.stealShare() > MAX_STEAL_SHARE;
  }
}
