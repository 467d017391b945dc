package io.concbench.stats;

import io.concbench.result.CapacitySummary;
import io.concbench.system.BackgroundLoad;
import io.concbench.system.ProcessCpu;
import java.util.function.IntToDoubleFunction;

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
public final class SpeedupBound {

  /**
   * {@code demand}: d; {@code bound}: the median over rounds of each round's bound; {@code efficiency}: of
   * speedup / bound.
   */
  public record Figures(double demand, double bound, double efficiency) {}

  private static final double NANOS_PER_MS = 1e6;
  /** Below this share of a core a baseline's work waits as well as computes (10 ms ticks read 0.97-1.00). */
  public static final double ALL_CPU_SHARE = 0.95;
  /** CPU time a baseline needs before its share of a core can decide that unknown work waits. */
  static final double MEASURED_WAITS_FROM_MS = 1000;

  /**
   * Above this steal share the hypervisor took time the baseline's CPU clock does not count, so its CPU time
   * over its wall time reads below its work's share of a core and the bound would read high.
   */
  static final double MAX_STEAL_SHARE = 0.05;

  private SpeedupBound() {}

  /**
   * The bound and the efficiency against it: each measured round's bound from that round's capacity, where
   * the rounds align ({@code roundSpeedups}: the rounds' speedups that {@code efficiency_vs_capacity} pairs
   * with their capacity samples, or null), else one from the capacity's median. Null without d (see
   * {@link #demand}), a speedup or a capacity, and when the hypervisor stole more than 5 % of the CPUs' time.
   *
   * @param demand d, from {@link #demand}; null where unknown
   * @param load what else used the CPUs in those rounds, or null
   */
  public static Figures of(Double demand, Double speedup, CapacitySummary capacity, int workers,
      double[] roundSpeedups, BackgroundLoad load) {
    if (demand == null || speedup == null || capacity == null || stolen(load)) {
      return null;
    }
    if (roundSpeedups == null || roundSpeedups.length == 0) {
      double bound = bound(workers, capacity.median(), demand);
      return new Figures(demand, bound, speedup / bound);
    }
    double[] bounds = new double[roundSpeedups.length];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = bound(workers, capacity.samples().get(i), demand);
    }
    double[] efficiencies = perRound(roundSpeedups, i -> bounds[i]);
    return new Figures(demand, Summaries.of(bounds).median(), Summaries.of(efficiencies).median());
  }

  /** min(workers, capacity / demand), demand above 0. */
  public static double bound(int workers, double capacity, double demand) {
    return Math.min(workers, capacity / demand);
  }

  /**
   * d, the share of one core the baseline's tasks keep busy, over all its runs, capped at 1: a single
   * thread's work needs no more, and what a run spends above it is the JVM's own (compiler and collector
   * threads), not the work's. It is a property of the work, and pooling the runs makes their 10 ms CPU ticks
   * a smaller share. Null against a baseline of more than one worker, whose CPU time over wall time is not
   * one task's demand; where a run's CPU time is unknown (negative); and where the runs used under 200 ms
   * of CPU together, too few ticks to tell their share of a core (a 5 ms run of {@code tiny} tasks reads 0
   * or 10 ms).
   *
   * @param cpuNanos each of the baseline's runs' CPU time; {@code wallNanos} their wall times
   */
  public static Double demand(int baselineWorkers, long[] cpuNanos, long[] wallNanos) {
    if (baselineWorkers != 1) {
      return null;
    }
    long cpu = 0;
    long wall = 0;
    for (int i = 0; i < cpuNanos.length; i++) {
      if (cpuNanos[i] < 0 || wallNanos[i] <= 0) {
        return null;
      }
      cpu += cpuNanos[i];
      wall += wallNanos[i];
    }
    if (wall == 0 || cpu < ProcessCpu.PRECISE_FROM_MS * NANOS_PER_MS) {
      return null;
    }
    return Math.min(1.0, (double) cpu / wall);
  }

  /**
   * Whether work that did not say how it uses a core waits as well as computes, from its baseline's runs:
   * only when they are enough to tell (at least {@value Summaries#MIN_RUNS_FOR_INTERVAL} runs and
   * {@value #MEASURED_WAITS_FROM_MS} ms of CPU time together, 100 ticks of the CPU clock) and the 99.9 %
   * interval of their share of a core lies wholly below {@value #ALL_CPU_SHARE}. Otherwise false: a short
   * or disturbed run reads a share under 0.95 for all-CPU work, and the report must not change its columns
   * with the noise.
   *
   * @param cpuNanos each of the baseline's runs' CPU time; {@code wallNanos} their wall times
   */
  public static boolean measuredToWait(long[] cpuNanos, long[] wallNanos) {
    if (cpuNanos.length < Summaries.MIN_RUNS_FOR_INTERVAL) {
      return false;
    }
    double[] shares = new double[cpuNanos.length];
    long cpu = 0;
    for (int i = 0; i < shares.length; i++) {
      if (cpuNanos[i] < 0 || wallNanos[i] <= 0) {
        return false;
      }
      cpu += cpuNanos[i];
      shares[i] = Math.min(1.0, (double) cpuNanos[i] / wallNanos[i]);
    }
    if (cpu < MEASURED_WAITS_FROM_MS * NANOS_PER_MS) {
      return false;
    }
    Double high = Summaries.of(shares).ciHigh();
    return high != null && high < ALL_CPU_SHARE;
  }

  /** Each round's speedup over what that round is set against (its capacity, or its bound). */
  public static double[] perRound(double[] roundSpeedups, IntToDoubleFunction against) {
    double[] ratios = new double[roundSpeedups.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = roundSpeedups[i] / against.applyAsDouble(i);
    }
    return ratios;
  }

  private static boolean stolen(BackgroundLoad load) {
    return load != null && load.stealShare() != null && load.stealShare() > MAX_STEAL_SHARE;
  }
}
