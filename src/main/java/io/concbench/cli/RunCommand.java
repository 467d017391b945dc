package io.concbench.cli;

import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkEngine;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.BenchmarkPlan;
import io.concbench.engine.Cancellation;
import io.concbench.result.Result;
import io.concbench.stats.ResultAssembler;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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

  @Mixin RunOptions options;

  private final Services services;

  public RunCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    BenchmarkPlan plan = options.plan();
    BenchmarkSession session = new BenchmarkSession(spec, options, services);
    BenchmarkEngine engine = session.engine();
    ResultAssembler assembler = session.assembler();
    List<Result> results = new ArrayList<>();
    boolean interrupted = false;
    int step = 0;
    try (session) {
      for (List<BenchmarkCase> group : plan.groups()) {
        // Each result as it finishes (an interrupted group hands out what its complete rounds measured);
        // the baseline comes first in a group, so it has finished before the results measured against it.
        Map<BenchmarkCase, Measurement> finished = new IdentityHashMap<>();
        engine.runGroup(group, plan.warmup(), plan.runs(), step, plan.totalRuns(), m -> {
          finished.put(m.benchmarkCase(), m);
          results.add(assembler.assemble(m, plan.baselineFor(m.benchmarkCase(), group).map(finished::get)
              .orElse(null)));
        });
        step += group.size() * (plan.warmup() + plan.runs());
        session.save(results, List.of(), false); // between groups: the next one starts with warm-up runs
      }
    } catch (Cancellation.CancelledException | InterruptedException e) {
      interrupted = true;
    }
    // finish() writes the results kept from an interrupted group too.
    return session.finish(results, List.of(), interrupted);
  }
}
