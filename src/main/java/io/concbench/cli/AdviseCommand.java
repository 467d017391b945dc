package io.concbench.cli;

import io.concbench.advise.AdviceWriter;
import io.concbench.advise.Calibration;
import io.concbench.advise.Candidate;
import io.concbench.advise.CandidateRules;
import io.concbench.advise.SuccessiveHalving;
import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkPlan.WorkloadChoice;
import io.concbench.engine.RunSample;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.executor.Phase;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.result.Result;
import io.concbench.stats.Scalings;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code concbench advise}: how to run one workload here. A short calibration (a task's time and CPU share,
 * a process pool's start and dispatch, the capacity), the decision table's candidates from it
 * ({@link CandidateRules}), then successive halving over them, interleaved, until one stands or
 * {@code --max-time} is spent ({@link AdviseSearch}); the advice and its evidence (docs/advise.md).
 */
@Command(
    name = "advise",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {"Finds how to run a workload here: executor, workers, chunksize, with the evidence.",
        "%nCalibrates (a task's time and CPU share, a process pool's start and dispatch, the capacity), "
            + "proposes candidates from the lesson's decision table, and measures them interleaved, dropping "
            + "one only when its speedup's interval is clearly below the best's, until one stands or "
            + "--max-time is spent. Among candidates within noise it picks the cheapest."},
    footer = {"", "Exit status: 0 ok, 1 a task failed or a result did not verify, 2 bad input, 130 interrupted "
        + "(the advice from what was measured is kept).",
        "Example: concbench advise --workload io --tasks 1000"})
public final class AdviseCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SelectionOptions selection;
  @Mixin OutputOptions output;
  @Mixin ProcessOptions process;
  /** Parsed for help and completion; the catalog already holds the plug-ins' workloads. */
  @Mixin PluginOptions plugins;

  @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "2m", converter = Durations.class,
      description = "Measure for at most this long, calibration included (e.g. 30s, 2m; at least 5s): no step "
          + "starts that would pass it. Default: ${DEFAULT-VALUE}.")
  Duration maxTime;

  private final Services services;
  private final WorkloadCatalog catalog;

  public AdviseCommand(Services services) {
    this(services, WorkloadCatalog.builtIn());
  }

  public AdviseCommand(Services services, WorkloadCatalog catalog) {
    this.services = services;
    this.catalog = catalog;
  }

  /** Less leaves no time for the calibration's few seconds and a round of the candidates. */
  static final Duration MIN_TIME = Duration.ofSeconds(5);

  @Override
  public Integer call() {
    if (maxTime.compareTo(MIN_TIME) < 0) {
      List<String> typed = spec.findOption("--max-time").originalStringValues();
      throw UsageException.invalid("--max-time", typed.isEmpty() ? maxTime : typed.get(typed.size() - 1),
          "advise needs at least 5s: a calibration and one round of its candidates");
    }
    MeasurementOptions measurement = new MeasurementOptions();
    measurement.warmup = 1;
    measurement.runs = 2 * AdviseSearch.MAX_ROUNDS;
    measurement.capacity = CapacityProbing.AUTO;
    measurement.switchIntervalMs = 5;
    Plans.AdvisePlan plan = Plans.advise(selection, measurement, process, catalog);
    BenchmarkSession session = new BenchmarkSession(spec, measurement, output, services,
        PluginRecords.of(catalog.plugins()));
    // A candidate dropped or settled after its first rounds is not interrupted: only fewer is.
    AdviseSearch search = new AdviseSearch(plan, session.engine(),
        session.assembler(SuccessiveHalving.MIN_ROUNDS), services,
        maxTime.toNanos(), session);
    boolean interrupted;
    try (session) {
      interrupted = search.run();
    }
    List<Result> results = search.results();
    session.advice(search.advice(!interrupted));
    return session.finish(results, Scalings.of(results), interrupted);
  }

  /** Makes the case that measures a candidate. */
  static BenchmarkCase caseOf(Candidate candidate, WorkloadChoice choice, int tasks, ExecutorSettings base) {
    Executor executor = ExecutorRegistry.find(candidate.executor()).orElseThrow();
    ExecutorSettings settings = new ExecutorSettings(candidate.workers(), base.switchIntervalNanos(),
        base.process().withChunksize(candidate.chunksize()));
    Guard guard = candidate.guard() == null ? null : Guard.fromLabel(candidate.guard());
    return new BenchmarkCase(choice.workload(), choice.params(), tasks, executor,
        executor.traits().threadsAtOnce(candidate.workers(), tasks), guard, settings);
  }

  /** The median of some figures. */
  static double median(List<Double> figures) {
    double[] values = figures.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  /** The median of a run figure. */
  static double median(List<RunSample> runs, java.util.function.ToDoubleFunction<RunSample> figure) {
    double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  static Double phaseMedian(List<RunSample> runs, Phase phase) {
    List<RunSample> with = runs.stream().filter(r -> r.phaseMillis().get(phase) != null).toList();
    return with.isEmpty() ? null : median(with, r -> r.phaseMillis().get(phase));
  }

}
