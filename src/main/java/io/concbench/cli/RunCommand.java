package io.concbench.cli;

import io.concbench.engine.BenchmarkPlan;
import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  private final Services services;

  public RunCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    BenchmarkPlan plan = Plans.run(selection, measurement, process);
    BenchmarkSession session = new BenchmarkSession(spec, measurement, output, services);
    List<Result> results = new ArrayList<>();
    boolean interrupted;
    try (session) {
      interrupted = session.measure(plan, results, finished -> List.of());
    }
    // finish() writes the results kept from an interrupted group too.
    return session.finish(results, List.of(), interrupted);
  }
}
