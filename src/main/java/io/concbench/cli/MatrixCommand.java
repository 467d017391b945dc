package io.concbench.cli;

import io.concbench.engine.BenchmarkPlan;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.result.Result;
import io.concbench.stats.RateKnees;
import io.concbench.stats.Scalings;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code concbench matrix}: every combination of listed option values, interleaved round-robin in one group
 * so that the machine's drift hits them alike, in one report with scaling fits for worker sweeps.
 */
@Command(
    name = "matrix",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {"Times every combination of listed option values, interleaved, with scaling fits.",
        "%nLists: --workload, --executor, --workers, --guard, --chunksize, --param KEY=V1,V2,... and --rate. Runs are "
            + "interleaved round-robin across all combinations, warm-ups first, and one report holds them all. "
            + "Each workload x executor measured at two or more worker counts gets Amdahl's law and the "
            + "Universal Scalability Law fitted to its speedups; with --rate, each executor's latency curve "
            + "and its knee."},
    footer = {"", "Options not swept for an executor that does not take them: single, thread-per-task and virtual "
        + "run once whatever --workers says; only process-pool is swept over --chunksize.",
        "Exit status: 0 ok, 1 a task failed or a result did not verify, 2 bad input, 130 interrupted.",
        "Example: concbench matrix --workload cpu --executor thread-pool,process-pool,gil --workers 1,2,4,8"})
public final class MatrixCommand implements Callable<Integer> {

  /** A knee a thousand times the service time is no knee. */
  static final double MAX_KNEE_FACTOR = 1000;

  @Spec CommandSpec spec;

  @Mixin SelectionOptions selection;
  @Mixin MeasurementOptions measurement;
  @Mixin OutputOptions output;
  @Mixin ProcessOptions process;
  @Mixin RateOptions rate;

  @Option(names = "--knee-factor", paramLabel = "F",
      description = "With --rate: the knee is the highest offered rate at which p99 latency stays within F "
          + "times the service time (the median at the lowest rate). Default: 2.")
  Double kneeFactor;

  /** Parsed for help and completion; the catalog already holds the plug-ins' workloads. */
  @Mixin PluginOptions plugins;

  private final Services services;
  private final WorkloadCatalog catalog;

  public MatrixCommand(Services services) {
    this(services, WorkloadCatalog.builtIn());
  }

  public MatrixCommand(Services services, WorkloadCatalog catalog) {
    this.services = services;
    this.catalog = catalog;
  }

  @Override
  public Integer call() {
    BenchmarkPlan plan = Plans.matrix(selection, measurement, process, rate, catalog);
    double factor = kneeFactor();
    BenchmarkSession session = new BenchmarkSession(spec, measurement, output, services,
        PluginRecords.of(catalog.plugins()));
    if (rate.given()) {
      session.deriving(finished -> RateKnees.attach(finished, factor));
    }
    List<Result> results = new ArrayList<>();
    boolean interrupted;
    try (session) {
      // Scaling is refitted from the finished results each time the report is written.
      interrupted = session.measure(plan, results, Scalings::of);
    }
    return session.finish(results, Scalings.of(results), interrupted);
  }

  /** --knee-factor, checked: above 1 (p99 is never below the median), with --rate only. */
  private double kneeFactor() {
    if (kneeFactor == null) {
      return RateKnees.DEFAULT_FACTOR;
    }
    if (!rate.given()) {
      throw new UsageException("--knee-factor applies to --rate, which was not given");
    }
    if (!(kneeFactor > 1) || kneeFactor > MAX_KNEE_FACTOR) {
      throw UsageException.invalid("--knee-factor", kneeFactor, "a factor of the service time: above 1 and at "
          + "most " + (int) MAX_KNEE_FACTOR);
    }
    return kneeFactor;
  }
}
