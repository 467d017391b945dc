package io.concbench.cli;

import io.concbench.engine.BenchmarkPlan;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.result.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code concbench run}: measures workloads on executors and reports a table or JSON. */
@Command(
    name = "run",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = "Times workloads on executors: warm-up, interleaved measured runs, speedup against a baseline.",
    footer = {"", "Exit status: 0 ok, 1 a task failed or a result did not verify, 2 bad input, 130 interrupted.",
        "Example: concbench run --workload cpu --executor thread-pool,gil --workers 2"})
public final class RunCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SelectionOptions selection;
  @Mixin MeasurementOptions measurement;
  @Mixin OutputOptions output;
  @Mixin ProcessOptions process;
  @Mixin RateOptions rate;
  /** Parsed for help and completion; the catalog already holds the plug-ins' workloads. */
  @Mixin PluginOptions plugins;

  /**
   * For {@code ab}'s sides, not for users: each result's median wall time, and nothing else, to this file;
   * nothing on stdout, no warnings (see {@link BenchmarkSession#finishWallMedians}).
   */
  @Option(names = AbLauncher.WALL_MEDIANS_OPTION, hidden = true, paramLabel = "FILE")
  Path wallMediansFile;

  /**
   * For {@code ab}'s sides, not for users: wait for a line on stdin before each round of measured runs and
   * before ending ({@link ReadyGate}).
   */
  @Option(names = AbLauncher.READY_GATE_OPTION, hidden = true)
  boolean readyGate;

  private final Services services;
  private final WorkloadCatalog catalog;

  public RunCommand(Services services) {
    this(services, WorkloadCatalog.builtIn());
  }

  public RunCommand(Services services, WorkloadCatalog catalog) {
    this.services = services;
    this.catalog = catalog;
  }

  @Override
  public Integer call() {
    BenchmarkPlan plan = Plans.run(selection, measurement, process, rate, catalog);
    BenchmarkSession session = new BenchmarkSession(spec, measurement, output, services,
        PluginRecords.of(catalog.plugins()));
    ReadyGate gate = readyGate ? new ReadyGate(spec.commandLine().getOut(), System.in, services.cancellation())
        : null;
    if (gate != null) {
      session.turnGate(gate);
    }
    List<Result> results = new ArrayList<>();
    boolean interrupted;
    try (session) {
      interrupted = session.measure(plan, results, finished -> List.of());
    }
    if (gate != null && !interrupted) {
      gate.finish();
    }
    // finish() writes the results kept from an interrupted group too.
    return wallMediansFile != null ? session.finishWallMedians(results, interrupted, wallMediansFile)
        : session.finish(results, List.of(), interrupted);
  }
}
