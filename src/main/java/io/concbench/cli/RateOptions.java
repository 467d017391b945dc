package io.concbench.cli;

import io.concbench.engine.Arrival;
import io.concbench.engine.RateLoad;
import io.concbench.executor.Executor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * {@code run --rate}: an open-loop run, tasks released on a schedule whatever the executor is doing
 * (docs/measurement.md, "Load at a rate"). A picocli mixin that checks its own options and those it spans
 * ({@link #load}).
 */
public final class RateOptions {

  /** The Poisson schedule's seed: fixed, so that two runs offer the same schedule; recorded in the report. */
  static final long SEED = 23;
  /** Above a million a second the releases are a microsecond apart: no thread can be woken that finely. */
  static final double MAX_RATE = 1_000_000;

  @Option(names = "--rate", paramLabel = "R", split = ",",
      description = "Release tasks at R per second whatever the executor is doing (open loop); latency runs "
          + "from each task's intended release. Takes --duration or --tasks; no baseline. matrix takes a "
          + "list (50,100,200) and reports each executor's knee.")
  List<Double> rates;

  /** The one rate of a {@code run}, or null; set from {@link #rates} by {@link #load}. */
  Double rate;

  @Option(names = "--duration", paramLabel = "D", converter = Durations.class,
      description = "With --rate: release tasks for D (500ms, 30s, 2m): R x D tasks.")
  Duration duration;

  @Option(names = "--arrival", paramLabel = "constant|poisson", converter = ArrivalConverter.class,
      description = "With --rate: evenly spaced releases, or a Poisson process (seed recorded). Default: "
          + "constant.")
  Arrival arrival;

  @Option(names = "--max-queue", paramLabel = "N",
      description = "With --rate: at most N tasks may wait past their release; the oldest beyond it is "
          + "dropped and counted. Default: no bound.")
  Integer maxQueue;

  /** True if {@code --rate} was given. */
  boolean given() {
    return rates != null;
  }

  /**
   * The rates of a {@code matrix}, in the order given, or an empty list for a closed matrix: each checked
   * like {@link #load}'s. Their task counts: {@link #tasksOfDuration(double)}.
   */
  List<RateLoad> loads(boolean tasksTyped, boolean baselineTyped, List<Executor> executors,
      List<Integer> chunksizes) {
    if (rates == null) {
      load(tasksTyped, baselineTyped, executors); // refuses --duration and the like without --rate
      return List.of();
    }
    List<RateLoad> loads = new ArrayList<>();
    for (Double each : rates) {
      rate = each;
      RateLoad load = load(tasksTyped, baselineTyped, executors, chunksizes);
      if (loads.stream().anyMatch(l -> l.perSecond() == load.perSecond())) {
        throw UsageException.invalid("--rate", number(each), "given twice");
      }
      loads.add(load);
    }
    rate = null;
    return loads;
  }

  /**
   * The rate of every case, or null for a closed run. Refuses, one line each: a rate out of range, the rate's
   * options without it, --duration with --tasks or neither, a baseline, an executor that cannot take a rate.
   *
   * @param tasksTyped whether --tasks was given
   * @param baselineTyped whether --baseline was given (a rate run has none)
   */
  RateLoad load(boolean tasksTyped, boolean baselineTyped, List<Executor> executors) {
    return load(tasksTyped, baselineTyped, executors, List.of());
  }

  /**
   * As {@link #load(boolean, boolean, List)}, and refuses a --chunksize above 1: at a rate each task is
   * released, and sent, on its own.
   *
   * @param chunksizes the --chunksize values given (empty or [0] for the default)
   */
  RateLoad load(boolean tasksTyped, boolean baselineTyped, List<Executor> executors, List<Integer> chunksizes) {
    if (rates != null) {
      for (int chunksize : chunksizes) {
        if (chunksize > 1) {
          throw UsageException.invalid("--chunksize", chunksize, "with --rate each task is released and sent "
              + "to a worker on its own: leave --chunksize out, or give 1");
        }
      }
    }
    if (rates != null && rate == null) {
      if (rates.size() > 1) {
        throw new UsageException("invalid value for --rate: '" + String.join(",", rates.stream()
            .map(RateOptions::number).toList()) + "' (run takes one value; sweep a list with 'concbench matrix')");
      }
      rate = rates.get(0);
    }
    if (rate == null) {
      List<String> orphans = new ArrayList<>();
      if (duration != null) {
        orphans.add("--duration");
      }
      if (arrival != null) {
        orphans.add("--arrival");
      }
      if (maxQueue != null) {
        orphans.add("--max-queue");
      }
      if (!orphans.isEmpty()) {
        throw new UsageException(orphans.get(0) + " applies to --rate, which was not given");
      }
      return null;
    }
    if (!(rate > 0) || rate > MAX_RATE) {
      throw UsageException.invalid("--rate", number(rate), String.format(Locale.ROOT,
          "tasks per second: must be above 0 and at most %.0f", MAX_RATE));
    }
    if (duration != null && tasksTyped) {
      throw new UsageException("--duration and --tasks were both given with --rate: give one or the other");
    }
    if (duration == null && !tasksTyped) {
      throw new UsageException("--rate needs --duration D (release for D) or --tasks N (release N tasks)");
    }
    if (maxQueue != null) {
      UsageException.requireRange("--max-queue", maxQueue, 1, SelectionOptions.MAX_TASKS);
    }
    if (baselineTyped) {
      throw new UsageException("--baseline does not apply with --rate: a rate run is compared with its "
          + "offered rate, not with a baseline's wall time");
    }
    for (Executor executor : executors) {
      // One that does not pace would hand every task out at once: a closed run's latencies as a rate's.
      if (!executor.traits().takesRate()) {
        throw UsageException.invalid("--executor", executor.name(), "not yet: --rate takes the in-process "
            + "executors, process-pool and fork");
      }
      if (executor.traits().inOtherProcesses() && maxQueue != null) {
        throw UsageException.invalid("--executor", executor.name(), "not yet: --max-queue takes the "
            + "in-process executors (single, thread-per-task, thread-pool, virtual, lock, gil)");
      }
    }
    return new RateLoad(rate, arrival == null ? Arrival.CONSTANT : arrival, SEED,
        maxQueue == null ? 0 : maxQueue);
  }

  /** The tasks --duration releases at the rate, or null without --duration; refuses fewer than one. */
  Integer tasksOfDuration() {
    if (rate == null || duration == null) {
      return null;
    }
    return tasksOfDuration(rate);
  }

  /** The tasks --duration releases at {@code rate}, or null without --duration; refuses fewer than one. */
  Integer tasksOfDuration(double rate) {
    if (duration == null) {
      return null;
    }
    double tasks = Math.ceil(rate * duration.toNanos() / 1e9);
    if (tasks < 1 || tasks > SelectionOptions.MAX_TASKS) {
      throw UsageException.invalid("--duration", duration.toMillis() + "ms", String.format(Locale.ROOT,
          "at %s tasks per second it releases %.0f tasks; from 1 to %d may be released", number(rate), tasks,
          SelectionOptions.MAX_TASKS));
    }
    return (int) tasks;
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
        : Double.toString(value);
  }

  /** {@code constant} or {@code poisson}, as typed. */
  static final class ArrivalConverter implements ITypeConverter<Arrival> {
    @Override
    public Arrival convert(String value) {
      for (Arrival arrival : Arrival.values()) {
        if (arrival.label().equals(value)) {
          return arrival;
        }
      }
      throw BadValue.because(value, "expected one of: constant, poisson");
    }
  }
}
