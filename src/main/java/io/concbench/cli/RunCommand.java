package io.concbench.cli;

import io.concbench.capacity.CapacityProbe;
import io.concbench.capacity.ProcessCapacityProbe;
import io.concbench.capacity.ThreadCapacityProbe;
import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkEngine;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.BenchmarkPlan;
import io.concbench.engine.Cancellation;
import io.concbench.engine.Progress;
import io.concbench.executor.Guard;
import io.concbench.report.JsonReport;
import io.concbench.report.ReportFormats;
import io.concbench.report.TableReport;
import io.concbench.result.Environment;
import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.stats.ResultAssembler;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    BenchmarkPlan plan = options.plan();
    if (options.output != null) {
      OutputFiles.requireWritable("--output", options.output.toString(), options.output);
    }
    options.exports.forEach((formatName, file) -> {
      Names.requireKnown("--export", formatName, ReportFormats.names());
      OutputFiles.requireWritable("--export", formatName + "=" + file, file);
    });
    Cancellation cancellation = services.cancellation();
    if (services.installSignalHandlers()) {
      SignalHandling.install(cancellation);
    }
    Environment environment = services.environment().get();
    List<String> commandLine = new ArrayList<>();
    commandLine.add("concbench");
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());

    TerminalProgress terminalProgress = services.stderrTerminal() && !options.quiet ? new TerminalProgress(err) : null;
    Progress progress = terminalProgress == null ? Progress.NONE : terminalProgress;
    BenchmarkEngine engine = new BenchmarkEngine(services.clock(), services.cpuClock(), cancellation, progress,
        options.capacity.equals("auto") ? RunCommand::probeFor : null, environment.availableProcessors());
    ResultAssembler assembler = new ResultAssembler(environment.availableProcessors(), plan.warmup());

    List<Result> results = new ArrayList<>();
    boolean interrupted = false;
    int step = 0;
    try {
      for (List<BenchmarkCase> group : plan.groups()) {
        List<Measurement> measurements = engine.runGroup(group, plan.warmup(), plan.runs(), step, plan.totalRuns());
        step += group.size() * (plan.warmup() + plan.runs());
        for (Measurement m : measurements) {
          Measurement baselineRun = plan.baselineFor(m.benchmarkCase(), group)
              .flatMap(b -> measurements.stream().filter(x -> x.benchmarkCase() == b).findFirst())
              .orElse(null);
          results.add(assembler.assemble(m, baselineRun));
        }
        writeOutput(new Report(Report.SCHEMA, false, commandLine, environment, results));
      }
    } catch (Cancellation.CancelledException | InterruptedException e) {
      interrupted = true;
    } finally {
      if (terminalProgress != null) {
        terminalProgress.clear();
      }
    }

    Report report = new Report(Report.SCHEMA, !interrupted, commandLine, environment, List.copyOf(results));
    writeOutput(report);
    if (options.format.equals("json")) {
      out.print(JsonReport.render(report));
    } else {
      out.print(TableReport.render(results));
    }
    out.flush();
    printWarnings(err, results);
    if (interrupted) {
      err.println("concbench: interrupted; kept " + results.size() + " finished result(s)"
          + (options.output == null ? "" : " in " + options.output));
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    return results.stream().anyMatch(RunCommand::failed) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Separate processes stand for the process executors, threads for the others (docs/capacity.md). */
  private static CapacityProbe probeFor(boolean otherProcesses) {
    return otherProcesses ? new ProcessCapacityProbe() : new ThreadCapacityProbe();
  }

  private static boolean failed(Result r) {
    boolean guardedLoss = r.counter() != null && r.counter().lost() != 0 && !Guard.fromLabel(r.guard()).racy();
    return r.failedTasks() > 0 || r.unverifiedTasks() > 0 || guardedLoss;
  }

  /** Rewrites --output and every --export, each atomically, so an interruption leaves them all valid. */
  private void writeOutput(Report report) {
    if (options.output != null) {
      OutputFiles.write(options.output, JsonReport.render(report));
    }
    options.exports.forEach((formatName, file) ->
        OutputFiles.write(file, ReportFormats.find(formatName).orElseThrow().render(report)));
  }

  /** Each distinct warning once, naming the results it concerns: a repeated line hides the rare ones. */
  private void printWarnings(PrintWriter err, List<Result> results) {
    boolean colour = Terminal.colour(services.stderrTerminal());
    String prefix = colour ? "\u001b[33mwarning\u001b[0m: " : "warning: ";
    Map<String, List<String>> resultsByWarning = new LinkedHashMap<>();
    for (Result r : results) {
      for (String warning : r.warnings()) {
        resultsByWarning.computeIfAbsent(warning, w -> new ArrayList<>()).add(label(r));
      }
    }
    resultsByWarning.forEach((warning, labels) -> {
      String where = labels.size() == 1 ? labels.get(0)
          : labels.size() <= 3 ? String.join("; ", labels) : labels.size() + " results";
      err.println(prefix + where + ": " + warning);
    });
    err.flush();
  }

  private static String label(Result r) {
    return r.workload() + " on " + r.executor() + (r.guard() == null ? "" : " (guard " + r.guard() + ")");
  }
}
