package io.concbench.engine;

import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.executor.Guard;
import io.concbench.executor.Phase;
import io.concbench.executor.TaskFailure;
import io.concbench.result.CapacitySummary;
import io.concbench.result.CounterSummary;
import io.concbench.result.Failure;
import io.concbench.result.LatencySummary;
import io.concbench.result.MedianInterval;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import io.concbench.stats.SpeedupBound;
import io.concbench.stats.Summaries;
import io.concbench.warning.WarningContext;
import io.concbench.warning.WarningRules;
import io.concbench.workload.ParamsAddedLater;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * Turns the engine's measurements into result records: summaries, speedup, counter, warnings. It lives with
 * the measurements because it reads them; the statistics it computes from them (summaries, the speedup
 * bound) and the warnings it runs on the result take plain data.
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
   * The result of a measurement, its warnings those of every {@link WarningRules rule} that applies.
   *
   * @param baseline the measurement speedups are against, or null for none (then speedup is null)
   */
  public Result assemble(Measurement measurement, Measurement baseline) {
    BenchmarkCase c = measurement.benchmarkCase();
    List<RunSample> runs = measurement.runs();
    Result.Timing timing = timing(runs, measurement.latencyNanos(), c.tasks());
    double baselineP50Us = baseline == null ? 0 : p50Micros(baseline.latencyNanos());
    Result.Comparison comparison = comparison(timing, c.workers(), baseline, baselineP50Us);
    Result result = new Result(
        benchmarkCase(c),
        timing,
        comparison,
        outcome(runs, c.guard()),
        new Result.ProcessPhases(phase(runs, Phase.STARTUP), phase(runs, Phase.COMPUTE), phase(runs, Phase.IPC),
            phase(runs, Phase.EXIT), phase(runs, Phase.POOL_START), phase(runs, Phase.SHUTDOWN)),
        capacity(measurement, baseline, comparison.speedup()),
        new Result.Memory(megabytes(runs, RunSample::rssPeakBytes), megabytes(runs, RunSample::workerRssPeakBytes)),
        measurement.backgroundLoad(),
        List.of(),
        List.of(),
        RateFigures.of(c.rate(), runs),
        ClusterFiguresSummary.of(runs, phase(runs, Phase.CLUSTER_START)));
    WarningContext context =
        new WarningContext(processors, requestedRuns, c.executor().traits().parallel(), baselineP50Us);
    return WarningRules.result(result, context);
  }

  private static Result.Case benchmarkCase(BenchmarkCase c) {
    return new Result.Case(c.workload().name(), c.executor().name(), c.workers(), c.tasks(), reportedParams(c),
        c.guard() == null ? null : c.guard().label(),
        c.executor().traits().takesChunksize() && c.settings().process().chunksize() > 0
            ? c.settings().process().chunksize() : null);
  }

  /** The parameters as reported: all but those a workload added later, while they are at their default. */
  static Map<String, Object> reportedParams(BenchmarkCase c) {
    Map<String, Object> params = new LinkedHashMap<>(c.params().asJson());
    if (c.workload() instanceof ParamsAddedLater later) {
      for (String name : later.reportedOnlyWhenSet()) {
        if (c.params().isDefault(name)) {
          params.remove(name);
        }
      }
    }
    return params;
  }

  private Result.Timing timing(List<RunSample> runs, Histogram latencyNanos, int tasks) {
    Summary wall = millis(runs, RunSample::wallNanos);
    Summary cpu = millis(runs, r -> r.cpu().totalNanos());
    double wallSeconds = wall.median() / 1e3;
    return new Result.Timing(runs.size(), warmupRuns, wall, cpu, millis(runs, r -> r.cpu().userNanos()),
        millis(runs, r -> r.cpu().systemNanos()), latency(latencyNanos, runs),
        wallSeconds > 0 ? tasks / wallSeconds : 0,
        cpu != null && wall.median() > 0 ? cpu.median() / wall.median() : 0);
  }

  /** Against the baseline's median wall time and median task time; none without a baseline. */
  private static Result.Comparison comparison(Result.Timing timing, int workers, Measurement baseline,
      double baselineP50Us) {
    if (baseline == null) {
      return Result.Comparison.NONE;
    }
    double speedup = millis(baseline.runs(), RunSample::wallNanos).median() / timing.wallMs().median();
    double p50Us = timing.latencyUs().p50();
    return new Result.Comparison(baseline.benchmarkCase().executor().name(), speedup, speedup / workers,
        baselineP50Us <= 0 || p50Us <= 0 ? null : p50Us / baselineP50Us);
  }

  private static Result.Outcome outcome(List<RunSample> runs, Guard guard) {
    return new Result.Outcome(
        runs.stream().mapToLong(RunSample::failedTasks).sum(),
        runs.stream().mapToLong(RunSample::unverifiedTasks).sum(),
        runs.stream().mapToLong(RunSample::timedOutTasks).sum(),
        runs.stream().map(RunSample::firstFailure).filter(f -> f != null).findFirst().orElse(null),
        failures(runs),
        guard == null ? null : counter(runs));
  }

  /**
   * The capacity probed in the measured rounds, and the efficiency against it and against the speedup
   * bound: round by round where the rounds pair up, else from the medians.
   */
  private static Result.Capacity capacity(Measurement measurement, Measurement baseline, Double speedup) {
    CapacitySummary probe = probe(measurement);
    double[] roundSpeedups = pairedRoundSpeedups(measurement, baseline, speedup, probe);
    double[] efficiencies = roundSpeedups == null ? null
        : SpeedupBound.perRound(roundSpeedups, i -> measurement.capacity().get(i));
    Double efficiencyVsCapacity = null;
    if (efficiencies != null) {
      efficiencyVsCapacity = Summaries.of(efficiencies).median();
    } else if (speedup != null && probe != null) { // no round-aligned figures
      efficiencyVsCapacity = speedup / probe.median();
    }
    MedianInterval interval =
        efficiencies == null ? null : Summaries.medianInterval(efficiencies, Summaries.MEDIAN_CONFIDENCE);
    SpeedupBound.Figures bound = SpeedupBound.of(baseline == null ? null : demand(baseline), speedup, probe,
        measurement.benchmarkCase().workers(), roundSpeedups, measurement.backgroundLoad());
    return new Result.Capacity(probe, efficiencyVsCapacity, interval, bound == null ? null : bound.demand(),
        bound == null ? null : bound.bound(), bound == null ? null : bound.efficiency(),
        waits(measurement, baseline));
  }

  /** Whether the work waits as well as computes: as its workload says, or as its baseline's runs show. */
  private static boolean waits(Measurement measurement, Measurement baseline) {
    switch (measurement.benchmarkCase().workload().cpuUse()) {
      case COMPUTES:
        return false;
      case COMPUTES_AND_WAITS:
        return true;
      default:
        if (baseline == null || baseline.benchmarkCase().workers() != 1) {
          return false;
        }
        List<RunSample> runs = baseline.runs();
        return SpeedupBound.measuredToWait(runs.stream().mapToLong(r -> r.cpu().totalNanos()).toArray(),
            runs.stream().mapToLong(RunSample::wallNanos).toArray());
    }
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

  private static CapacitySummary probe(Measurement measurement) {
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
