package io.concbench.stats;

import io.concbench.result.MedianInterval;
import io.concbench.result.Summary;
import io.concbench.system.BackgroundLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks a result's samples for signs that its numbers should not be trusted as they are, as hyperfine
 * does: outliers, a slow first run, runs too short to time, a wide confidence interval, too few cores.
 */
public final class Warnings {

  /** hyperfine's threshold on the modified Z-score (Iglewicz and Hoaglin use 3.5 for "possible"). */
  public static final double OUTLIER_Z = 14.0;
  public static final double FIRST_RUN_FACTOR = 1.5;
  public static final double SHORT_RUN_MS = 5.0;
  public static final double WIDE_CI_FRACTION = 0.10;

  private Warnings() {}

  public static List<String> forWallTime(Summary wall) {
    List<String> warnings = new ArrayList<>();
    List<Double> samples = wall.samples();
    double mad = Summaries.medianAbsoluteDeviation(samples);
    if (mad > 0) {
      long outliers = samples.stream()
          .filter(s -> Math.abs(0.6745 * (s - wall.median()) / mad) > OUTLIER_Z)
          .count();
      if (outliers > 0) {
        warnings.add(format("%d of %d runs were statistical outliers: another program or the machine's host "
            + "may have interfered; rerun on a quieter machine or with more --runs", outliers, samples.size()));
      }
    }
    if (samples.size() >= 3) {
      double first = samples.get(0);
      Summary rest = Summaries.of(samples.subList(1, samples.size()).stream().mapToDouble(d -> d).toArray());
      if (first > FIRST_RUN_FACTOR * rest.median()) {
        warnings.add(format("the first measured run was much slower than the rest (%.3f ms against a median of "
            + "%.3f ms): raise --warmup", first, rest.median()));
      }
    }
    if (wall.median() < SHORT_RUN_MS) {
      warnings.add(format("runs took only %.3f ms, too short to time reliably: raise --tasks or the work per "
          + "task", wall.median()));
    }
    if (wall.ciLow() != null && wall.mean() > 0) {
      double halfWidth = (wall.ciHigh() - wall.ciLow()) / 2;
      if (halfWidth > WIDE_CI_FRACTION * wall.mean()) {
        warnings.add(format("the 99.9%% confidence interval of the mean is ±%.1f%% wide: raise --runs or quiet "
            + "the machine", 100 * halfWidth / wall.mean()));
      }
    } else if (samples.size() < 2) {
      warnings.add("only one measured run: no confidence interval; use --runs 2 or more");
    }
    return warnings;
  }

  /**
   * Linux counts process CPU time in 10 ms ticks: on runs shorter than this, one tick is over 5 % of the
   * wall time, so cores_used is rough.
   */
  public static final double CPU_TICK_RELIABLE_MS = 200.0;
  /** Below this many busy cores a run is mostly waiting, and more workers than processors cost nothing. */
  public static final double CPU_BOUND_CORES = 0.5;

  /** The same text for every result, so that a report can say it once for all of them. */
  public static String coarseCpuTime() {
    return "process CPU time is counted in 10 ms ticks, so on runs under 200 ms cpu_ms and cores_used are "
        + "rough: raise --tasks for a precise figure";
  }

  public static String tooFewProcessors(int workers, int processors) {
    return format("%d workers on %d available processors: workers wait for a core, so speedup cannot reach "
        + "%d", workers, processors, workers);
  }

  public static String failures(long failed, long unverified, String firstFailure) {
    return format("%d task(s) failed and %d returned a wrong result; first: %s", failed, unverified,
        firstFailure);
  }

  public static String lowCapacity(double capacity, int k) {
    return format("the machine delivered %.2f of %d cores during this run; speedups are capped by that, not by "
        + "the executor (a shared host's second core comes and goes: see docs/capacity.md)", capacity, k);
  }

  /**
   * Wider than this, a median efficiency against capacity cannot tell "used what the machine gave" (1.0) from
   * "lost 15 %": the question the figure is there to answer.
   */
  public static final double EFFICIENCY_INTERVAL_WIDTH = 0.3;

  public static String uncertainEfficiency(double median, MedianInterval interval, int rounds) {
    return format("efficiency against capacity %.2f is uncertain: over %d rounds its median lies between %.2f "
        + "and %.2f (%.1f%% confidence); on a shared host the capacity can change within a round, so that its "
        + "probe and its runs see different moments (docs/capacity.md): raise --runs", median, rounds,
        interval.low(), interval.high(), 100 * interval.confidence());
  }

  /**
   * At this much of a core taken by other processes, a run shares the machine noticeably: a fifth of a core
   * is a tenth of a two-core machine, and the idle reference VM's own background is 0.01–0.03.
   */
  public static final double BUSY_BACKGROUND_CORES = 0.2;

  /**
   * Whether other processes crowded a result: they took {@link #BUSY_BACKGROUND_CORES} or more, and with the
   * result's own busy cores they needed (within that much) every CPU concbench could use. A browser on one
   * core of eight competes with nothing a two-worker run needs; a busy loop on one of two does.
   *
   * @param demandCores the result's own busy cores (its {@code cores_used})
   */
  public static boolean crowded(BackgroundLoad load, double demandCores) {
    if (load == null || load.otherCores() == null || load.otherCores() < BUSY_BACKGROUND_CORES) {
      return false;
    }
    return load.cpus() == null || load.otherCores() + demandCores > load.cpus() - BUSY_BACKGROUND_CORES;
  }

  public static String busyBackground(BackgroundLoad load) {
    List<String> sameSession = new ArrayList<>();
    for (BackgroundLoad.BusyProcess p : load.busiest()) {
      if (Boolean.TRUE.equals(p.sameSession()) && p.cores() >= BUSY_BACKGROUND_CORES / 2) {
        sameSession.add(p.name());
      }
    }
    String probe = sameSession.isEmpty()
        ? "; efficiency against capacity allows for them as far as the capacity probe sees them"
        : "; " + String.join(", ", sameSession) + " runs in concbench's own session, where the scheduler shares "
            + "the cores thread by thread and the capacity probe over-reads what the runs got, so efficiency "
            + "against capacity reads low";
    return format("other processes used %.2f cores during these runs%s: they compete for the cores, so times and "
        + "speedups include them%s (docs/capacity.md): stop them or measure on a quieter machine",
        load.otherCores(), busiest(load), probe);
  }

  /** " (busiest: bash, pid 4242, 0.87 cores; ...)", or nothing if none was named: for warnings and notes. */
  public static String busiest(BackgroundLoad load) {
    List<String> named = new ArrayList<>();
    for (BackgroundLoad.BusyProcess p : load.busiest()) {
      named.add(format("%s, pid %d, %.2f cores", p.name(), p.pid(), p.cores()));
    }
    return named.isEmpty() ? "" : " (busiest: " + String.join("; ", named) + ")";
  }

  /**
   * Below this ratio of a result's median task time to its baseline's, part of its speedup is faster tasks.
   * Interleaved runs of the same code on this VM put concbench's pools at 0.99-1.03 of their baseline.
   */
  public static final double FASTER_TASKS = 0.95;
  /** Tasks shorter than this are dominated by the clock reads around them: their ratio means little. */
  public static final double TIMED_TASK_US = 1000;

  /** Said of tasks of {@link #TIMED_TASK_US} or more only, so their times are in milliseconds. */
  public static String fasterTasks(double ratio, double p50Us, double baselineP50Us, double speedup) {
    return format("its tasks took %.2f of the baseline's time each (p50 %.1f ms against %.1f ms): part of its "
        + "speedup (%.2fx) is faster tasks, not parallelism; different compiled code (a --jvm-arg, --java) or a "
        + "baseline slowed by the machine", ratio, p50Us / 1000, baselineP50Us / 1000, speedup);
  }

  public static String interrupted(int runs, int requested) {
    return format("interrupted: %d of %d measured runs (the rounds every result completed); its figures rest on "
        + "fewer runs than asked", runs, requested);
  }

  public static String timedOut(long tasks) {
    return format("%d task(s) ran over --task-timeout; their workers were killed and replaced", tasks);
  }

  public static String guardedCounterLost(String guard, long lost) {
    return format("the %s guard lost %d counter updates: a guarded counter must be exact", guard, lost);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
