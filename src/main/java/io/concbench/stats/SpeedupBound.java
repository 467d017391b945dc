package io.concbench.stats;

import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.RunSample;
import io.concbench.result.CapacitySummary;

/**
 * The most speedup the machine allows a result's work in its minutes, and how close the result came to it.
 *
 * <p>A task that keeps a core busy for a share d of its time (d = the baseline's CPU time over its wall time,
 * at most 1) needs d cores per task in flight. With W workers on a machine that gives C cores the work is
 * capped twice: by the workers (at most W tasks at once) and by the cores (at most C / d tasks' worth of
 * computing at once). The bound is min(W, C / d), a roofline. For all-CPU work (d = 1) it is the capacity
 * itself, so the efficiency against it equals {@code efficiency_vs_capacity}; for work that also waits (the
 * {@code mixed} workload) the waits overlap beyond the cores, the capacity understates what the machine
 * allows, and efficiency against capacity passes 1 where this one does not.
 */
final class SpeedupBound {

  /** {@code bound}: the median over rounds of each round's bound; {@code efficiency}: of speedup / bound. */
  record Figures(double bound, double efficiency) {}

  private static final double NANOS_PER_MS = 1e6;

  private SpeedupBound() {}

  /**
   * Round by round where the rounds align (as {@code efficiency_vs_capacity} is), else from the medians.
   * Null without a speedup, a capacity, or the baseline's CPU time (its demand is then unknown); when a
   * baseline run is too short for the CPU clock's 10 ms ticks to measure its share of a core (a 5 ms run of
   * {@code tiny} tasks reads 0 or 10 ms); and against a baseline of more than one worker, whose CPU time
   * over wall time is not one task's demand.
   */
  static Figures of(Measurement m, Measurement baseline, Double speedup, CapacitySummary capacity, int workers) {
    if (baseline == null || speedup == null || capacity == null || baseline.benchmarkCase().workers() != 1) {
      return null;
    }
    int rounds = m.runs().size();
    if (baseline.runs().size() == rounds && m.capacity().size() == rounds && rounds > 0) {
      double[] bounds = new double[rounds];
      double[] efficiencies = new double[rounds];
      for (int i = 0; i < rounds; i++) {
        RunSample base = baseline.runs().get(i);
        Double demand = demand(base.cpu().totalNanos(), base.wallNanos());
        if (demand == null) {
          return null;
        }
        bounds[i] = bound(workers, m.capacity().get(i), demand);
        efficiencies[i] = (double) base.wallNanos() / m.runs().get(i).wallNanos() / bounds[i];
      }
      return new Figures(Summaries.of(bounds).median(), Summaries.of(efficiencies).median());
    }
    long cpu = 0;
    long wall = 0;
    for (RunSample base : baseline.runs()) {
      if (demand(base.cpu().totalNanos(), base.wallNanos()) == null) {
        return null;
      }
      cpu += base.cpu().totalNanos();
      wall += base.wallNanos();
    }
    double bound = bound(workers, capacity.median(), Math.min(1.0, (double) cpu / wall));
    return new Figures(bound, speedup / bound);
  }

  /**
   * min(workers, capacity / demand); with no demand measured (CPU time below the clock's tick) the workers.
   */
  static double bound(int workers, double capacity, double demand) {
    return demand <= 0 ? workers : Math.min(workers, capacity / demand);
  }

  /**
   * The share of one core a baseline task keeps busy, capped at 1: a single thread's work needs no more,
   * and what a run spends above it is the JVM's own (compiler and collector threads), not the work's.
   */
  private static Double demand(long cpuNanos, long wallNanos) {
    if (cpuNanos < 0 || wallNanos < Warnings.CPU_TICK_RELIABLE_MS * NANOS_PER_MS) {
      return null;
    }
    return Math.min(1.0, (double) cpuNanos / wallNanos);
  }
}
