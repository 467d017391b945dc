package io.concbench.engine;

import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.executor.Phase;
import io.concbench.executor.TaskFailure;
import io.concbench.capacity.CapacityMath;
import io.concbench.result.CapacitySummary;
import io.concbench.result.CounterSummary;
import io.concbench.result.Failure;
import io.concbench.result.LatencySummary;
import io.concbench.result.MedianInterval;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import io.concbench.stats.SpeedupBound;
import io.concbench.stats.Summaries;
import io.concbench.stats.Warnings;
import io.concbench.system.BackgroundLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * Turns the engine's measurements into result records: summaries, speedup, counter, warnings. It lives with
 * the measurements because it reads them; what it computes from them is the statistics package's, from
 * plain numbers.
 */
public final class ResultAssembler {

  private static final double NANOS_PER_MS = 1e6;
  private static final double NANOS_PER_US = 1e3;

  /** Failures kept in a result with their details; failed_tasks always has the full count. */
  static final int MAX_FAILURES = 100;

  private final int processors;
  private final int warmupRuns;
  private final int requestedRuns;

  /** @param requestedRuns the measured runs asked for: a result of fewer (interrupted) says so */
  public ResultAssembler(int processors, int warmupRuns, int requestedRuns) {
    this.processors = processors;
    this.warmupRuns = warmupRuns;
    this.requestedRuns = requestedRuns;
  }

  /**
   * @param baseline the measurement speedups are against, or null for none (then speedup is null)
   */
  public Result assemble(Measurement measurement, Measurement baseline) {
    BenchmarkCase c = measurement.benchmarkCase();
    List<RunSample> runs = measurement.runs();
    Summary wall = millis(runs, RunSample::wallNanos);
    Summary cpu = millis(runs, r -> r.cpu().totalNanos());
    Summary user = millis(runs, r -> r.cpu().userNanos());
    Summary sys = millis(runs, r -> r.cpu().systemNanos());

    Double speedup = null;
    Double efficiency = null;
    String baselineName = null;
    LatencySummary latency = latency(measurement.latencyNanos(), runs);
    double baselineP50Us = 0;
    if (baseline != null) {
      baselineName = baseline.benchmarkCase().executor().name();
      double baselineMedian = millis(baseline.runs(), RunSample::wallNanos).median();
      speedup = baselineMedian / wall.median();
      efficiency = speedup / c.workers();
      baselineP50Us = p50Micros(baseline.latencyNanos());
    }
    Double taskTimeVsBaseline = baselineP50Us <= 0 || latency.p50() <= 0 ? null : latency.p50() / baselineP50Us;

    long failed = runs.stream().mapToLong(RunSample::failedTasks).sum();
    long timedOut = runs.stream().mapToLong(RunSample::timedOutTasks).sum();
    long unverified = runs.stream().mapToLong(RunSample::unverifiedTasks).sum();
    String firstFailure = runs.stream().map(RunSample::firstFailure).filter(f -> f != null).findFirst()
        .orElse(null);

    List<String> warnings = new ArrayList<>();
    if (runs.size() < requestedRuns) {
      warnings.add(Warnings.interrupted(runs.size(), requestedRuns));
    }
    if (failed + unverified > 0) {
      warnings.add(Warnings.failures(failed, unverified, firstFailure));
    }
    if (timedOut > 0) {
      warnings.add(Warnings.timedOut(timedOut));
    }
    warnings.addAll(Warnings.forWallTime(wall));
    double coresUsed = cpu != null && wall.median() > 0 ? cpu.median() / wall.median() : 0;
    if (cpu != null && wall.median() < Warnings.CPU_TICK_RELIABLE_MS) {
      warnings.add(Warnings.coarseCpuTime());
    }
    // More threads than cores only costs CPU-bound work; sleeping threads need no core.
    boolean cpuBound = cpu == null || coresUsed >= Warnings.CPU_BOUND_CORES;
    if (c.executor().traits().parallel() && c.workers() > processors && cpuBound) {
      warnings.add(Warnings.tooFewProcessors(c.workers(), processors));
    }
    CapacitySummary capacity = capacity(measurement);
    if (capacity != null && CapacityMath.lowCapacity(capacity.median(), capacity.k())) {
      warnings.add(Warnings.lowCapacity(capacity.median(), capacity.k()));
    }
    if (taskTimeVsBaseline != null && taskTimeVsBaseline < Warnings.FASTER_TASKS
        && baselineP50Us >= Warnings.TIMED_TASK_US) {
      warnings.add(Warnings.fasterTasks(taskTimeVsBaseline, latency.p50(), baselineP50Us, speedup));
    }
    BackgroundLoad background = measurement.backgroundLoad();
    // Its own busy cores; where the CPU time is unknown, as if every worker computed.
    double demand = cpu != null ? coresUsed : Math.min(c.workers(), processors);
    if (Warnings.crowded(background, demand)) {
      warnings.add(Warnings.busyBackground(background));
    }
    double[] roundSpeedups = pairedRoundSpeedups(measurement, baseline, speedup, capacity);
    double[] efficiencies = roundSpeedups == null ? null
        : SpeedupBound.perRound(roundSpeedups, i -> measurement.capacity().get(i));
    Double efficiencyVsCapacity = null;
    if (efficiencies != null) {
      efficiencyVsCapacity = Summaries.of(efficiencies).median();
    } else if (speedup != null && capacity != null) { // no round-aligned figures
      efficiencyVsCapacity = speedup / capacity.median();
    }
    MedianInterval efficiencyInterval =
        efficiencies == null ? null : Summaries.medianInterval(efficiencies, Summaries.MEDIAN_CONFIDENCE);
    if (efficiencyInterval != null
        && efficiencyInterval.high() - efficiencyInterval.low() > Warnings.EFFICIENCY_INTERVAL_WIDTH) {
      warnings.add(Warnings.uncertainEfficiency(efficiencyVsCapacity, efficiencyInterval, efficiencies.length));
    }
    SpeedupBound.Figures bound = SpeedupBound.of(baseline == null ? null : demand(baseline), speedup, capacity,
        c.workers(), roundSpeedups, background);
    CounterSummary counter = null;
    if (c.guard() != null) {
      counter = counter(runs);
      if (!c.guard().racy() && counter.lost() != 0) {
        warnings.add(Warnings.guardedCounterLost(c.guard().label(), counter.lost()));
      }
    }

    double wallSeconds = wall.median() / 1e3;
    return new Result(
        new Result.Case(c.workload().name(), c.executor().name(), c.workers(), c.tasks(), c.params().asJson(),
            c.guard() == null ? null : c.guard().label(),
            c.executor().traits().takesChunksize() && c.settings().process().chunksize() > 0
                ? c.settings().process().chunksize() : null),
        new Result.Timing(runs.size(), warmupRuns, wall, cpu, user, sys, latency,
            wallSeconds > 0 ? c.tasks() / wallSeconds : 0, coresUsed),
        new Result.Comparison(baselineName, speedup, efficiency, taskTimeVsBaseline),
        new Result.Outcome(failed, unverified, timedOut, firstFailure, failures(runs), counter),
        new Result.ProcessPhases(phase(runs, Phase.STARTUP), phase(runs, Phase.COMPUTE), phase(runs, Phase.IPC),
            phase(runs, Phase.EXIT), phase(runs, Phase.POOL_START), phase(runs, Phase.SHUTDOWN)),
        new Result.Capacity(capacity, efficiencyVsCapacity, efficiencyInterval,
            bound == null ? null : bound.demand(), bound == null ? null : bound.bound(),
            bound == null ? null : bound.efficiency()),
        new Result.Memory(megabytes(runs, RunSample::rssPeakBytes), megabytes(runs, RunSample::workerRssPeakBytes)),
        measurement.backgroundLoad(),
        warnings);
  }

  /** A memory figure of every run, in MiB; null if any run does not know it. */
  private static Summary megabytes(List<RunSample> runs, ToLongFunction<RunSample> bytes) {
    return everyRun(runs, r -> {
      long value = bytes.applyAsLong(r);
      return value < 0 ? null : value / (1024.0 * 1024.0);
    });
  }

  /**
   * Each measured round's speedup, the baseline's run over this case's run of the same round, where every
   * round has its own capacity probe to set it against. Their ratios to the round's capacity (or the bound
   * from it) give {@code efficiency_vs_capacity} (and {@code efficiency_vs_bound}): pairing figures of the
   * same minutes cancels the machine's drift between rounds, which a ratio of two medians taken from
   * different rounds would not. Null without a speedup, a capacity or round-aligned figures.
   */
  private static double[] pairedRoundSpeedups(Measurement m, Measurement baseline, Double speedup,
      CapacitySummary capacity) {
    int rounds = m.runs().size();
    if (speedup == null || capacity == null || baseline.runs().size() != rounds
        || m.capacity().size() != rounds) {
      return null;
    }
    double[] speedups = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      speedups[i] = (double) baseline.runs().get(i).wallNanos() / m.runs().get(i).wallNanos();
    }
    return speedups;
  }

  /** The share of a core the baseline's work keeps busy ({@link SpeedupBound#demand}), from its runs. */
  private static Double demand(Measurement baseline) {
    List<RunSample> runs = baseline.runs();
    return SpeedupBound.demand(baseline.benchmarkCase().workers(),
        runs.stream().mapToLong(r -> r.cpu().totalNanos()).toArray(),
        runs.stream().mapToLong(RunSample::wallNanos).toArray());
  }

  private static CapacitySummary capacity(Measurement measurement) {
    if (measurement.capacity().isEmpty()) {
      return null;
    }
    Summary s = Summaries.of(measurement.capacity().stream().mapToDouble(Double::doubleValue).toArray());
    return new CapacitySummary(s.median(), s.min(), s.max(), s.samples(), measurement.capacityMethod(),
        measurement.capacityK());
  }

  /** A phase the executor timed in every run, summarised; null if it does not time it. */
  private static Summary phase(List<RunSample> runs, Phase name) {
    return everyRun(runs, r -> r.phaseMillis() == null ? null : r.phaseMillis().get(name));
  }

  /** A figure of every run, summarised; null if any run does not know it (null) or there are no runs. */
  private static Summary everyRun(List<RunSample> runs, Function<RunSample, Double> figure) {
    double[] values = new double[runs.size()];
    for (int i = 0; i < values.length; i++) {
      Double value = figure.apply(runs.get(i));
      if (value == null) {
        return null;
      }
      values[i] = value;
    }
    return values.length == 0 ? null : Summaries.of(values);
  }

  private static List<Failure> failures(List<RunSample> runs) {
    List<Failure> failures = new ArrayList<>();
    for (RunSample run : runs) {
      if (run.failures() == null) {
        continue;
      }
      for (TaskFailure f : run.failures()) {
        if (failures.size() < MAX_FAILURES) {
          failures.add(new Failure(f.task(), f.reason(), f.workerPid(), f.exitCode(), f.timedOut(), f.stderrTail()));
        }
      }
    }
    return failures;
  }

  /** A summary in milliseconds, or null if any run could not measure the figure. */
  private static Summary millis(List<RunSample> runs, ToLongFunction<RunSample> nanos) {
    double[] values = new double[runs.size()];
    for (int i = 0; i < values.length; i++) {
      long value = nanos.applyAsLong(runs.get(i));
      if (value < 0) {
        return null;
      }
      values[i] = value / NANOS_PER_MS;
    }
    return Summaries.of(values);
  }

  private static LatencySummary latency(Histogram nanos, List<RunSample> runs) {
    List<Double> p99PerRun = runs.stream()
        .map(r -> r.latencyNanos().getTotalCount() == 0 ? 0.0
            : r.latencyNanos().getValueAtPercentile(99) / NANOS_PER_US)
        .toList();
    if (nanos.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, p99PerRun);
    }
    return new LatencySummary(
        nanos.getMean() / NANOS_PER_US,
        p50Micros(nanos),
        nanos.getValueAtPercentile(90) / NANOS_PER_US,
        nanos.getValueAtPercentile(99) / NANOS_PER_US,
        nanos.getMaxValue() / NANOS_PER_US,
        nanos.getTotalCount(),
        p99PerRun);
  }

  /** The median task latency in microseconds; 0 with no tasks. */
  private static double p50Micros(Histogram nanos) {
    return nanos.getTotalCount() == 0 ? 0 : nanos.getValueAtPercentile(50) / NANOS_PER_US;
  }

  private static CounterSummary counter(List<RunSample> runs) {
    long expected = 0;
    long actual = 0;
    int runsWithLoss = 0;
    for (RunSample run : runs) {
      expected += run.counterExpected();
      actual += run.counterActual();
      if (run.lostUpdates() != 0) {
        runsWithLoss++;
      }
    }
    return new CounterSummary(expected, actual, expected - actual, runsWithLoss);
  }

}
