package io.concbench.cli;

import io.concbench.capacity.CapacityProbe;
import io.concbench.capacity.ProcessCapacityProbe;
import io.concbench.capacity.ThreadCapacityProbe;
import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkEngine;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.BenchmarkPlan;
import io.concbench.engine.Cancellation;
import io.concbench.engine.EngineDependencies;
import io.concbench.engine.TurnGate;
import io.concbench.engine.Progress;
import io.concbench.engine.ResultAssembler;
import io.concbench.executor.Guard;
import io.concbench.report.JsonReport;
import io.concbench.report.TableReport;
import io.concbench.report.WarningLines;
import io.concbench.result.Advice;
import io.concbench.result.Environment;
import io.concbench.result.LoadedPlugin;
import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import io.concbench.stats.ComparisonRule;
import io.concbench.system.PeakMemory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What {@code run} and {@code matrix} do around the engine, once their plan is checked: the output files
 * (checked before any work, rewritten atomically as results finish), signal handling, the progress line,
 * and at the end the report on stdout, the warnings and the exit status. Closing it clears the progress line.
 */
final class BenchmarkSession implements AutoCloseable {

  private final CommandSpec spec;
  private final MeasurementOptions measurement;
  private final OutputOptions output;
  private final Services services;
  private final Environment environment;
  private final List<String> commandLine = new ArrayList<>();
  private final RunEstimate estimate;
  /** Null when stderr is not a terminal or with --quiet. */
  private final TerminalProgress terminalProgress;
  /** Redraws the progress line between runs, so that its times move during a long run; null without one. */
  private final ProgressTicker ticker;
  // Figures over all results, added when a report is made; none but for matrix --rate (its knees).
  private UnaryOperator<List<Result>> derived = UnaryOperator.identity();
  /** What advise recommends, written with the results; null for run and matrix. */
  private Advice advice;
  private TurnGate turnGate = TurnGate.OPEN;

  /** Call only after the plan is checked: a usage error must leave no file and no handler behind. */
  BenchmarkSession(CommandSpec spec, MeasurementOptions measurement, OutputOptions output, Services services,
      List<LoadedPlugin> plugins) {
    this.spec = spec;
    this.measurement = measurement;
    this.output = output;
    this.services = services;
    output.validate();
    if (services.installSignalHandlers()) {
      SignalHandling.install(services.cancellation());
    }
    Environment measuredIn = services.environment().get();
    this.environment = measuredIn == null || plugins.isEmpty() ? measuredIn : measuredIn.withPlugins(plugins);
    commandLine.add("concbench");
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    this.estimate = new RunEstimate(services.clock());
    this.terminalProgress = services.stderrTerminal() && !output.quiet
        ? new TerminalProgress(spec.commandLine().getErr(), estimate) : null;
    this.ticker = terminalProgress == null ? null : ProgressTicker.start(terminalProgress::refresh);
    warnIfTooFewRunsToCompare();
  }

  /**
   * A saved report is usually kept to be compared later; with fewer runs than compare's default
   * --min-samples it can never be judged, which the user should learn now, not when the gate refuses it.
   */
  private void warnIfTooFewRunsToCompare() {
    int needed = ComparisonRule.DEFAULT.minSamples();
    if (output.jsonFile != null && measurement.runs() < needed) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("warning: --runs " + measurement.runs() + " is fewer than the " + needed + " runs 'concbench "
          + "compare' needs to judge a result (its --min-samples): " + output.jsonFile + " will not serve as a "
          + "regression baseline; use --runs " + needed + " or more");
      err.flush();
    }
  }

  /** Passed before each round of measured runs: {@code ab}'s sides wait there for their turns. */
  void turnGate(TurnGate gate) {
    this.turnGate = gate;
  }

  /** The engine as run and matrix use it: progress, memory, background, capacity probes, the turn gate. */
  BenchmarkEngine engine() {
    List<Progress> listeners = new ArrayList<>();
    listeners.add(estimate);
    listeners.add(new LongRunWarning(estimate, spec.commandLine().getErr(),
        terminalProgress == null ? () -> {} : terminalProgress::clear));
    if (terminalProgress != null) {
      listeners.add(terminalProgress);
    }
    Progress progress = Progress.all(listeners);
    EngineDependencies world = EngineDependencies.of(services.clock(), services.cpuClock(),
            services.cancellation(), progress)
        .withPeakMemory(PeakMemory.SYSTEM)
        .withBackground(services.background())
        .withTurnGate(turnGate);
    if (measurement.probesCapacity()) {
      world = world.withCapacityProbes(BenchmarkSession::probeFor, environment.availableProcessors());
    }
    return new BenchmarkEngine(world);
  }

  ResultAssembler assembler() {
    return assembler(measurement.runs());
  }

  /** An assembler whose results warn as interrupted below {@code requestedRuns} (advise's cases vary). */
  ResultAssembler assembler(int requestedRuns) {
    return new ResultAssembler(environment.availableProcessors(), measurement.warmup(), requestedRuns);
  }

  /**
   * Measures every group of the plan. Each result is assembled as soon as its last run is done (the
   * baseline comes first in its group, so it has finished before the results measured against it) and the
   * files are rewritten at once; an interrupted group hands out what its complete rounds measured.
   *
   * @param results receives the results in the order they finish
   * @param scaling the scaling fits of the results so far, for the files
   * @return true if the user interrupted
   */
  boolean measure(BenchmarkPlan plan, List<Result> results, Function<List<Result>, List<Scaling>> scaling) {
    BenchmarkEngine engine = engine();
    ResultAssembler assembler = assembler();
    int step = 0;
    try {
      for (List<BenchmarkCase> group : plan.groups()) {
        Map<BenchmarkCase, Measurement> finished = new IdentityHashMap<>();
        engine.runGroup(group, plan.warmup(), plan.runs(), step, plan.totalRuns(), m -> {
          finished.put(m.benchmarkCase(), m);
          results.add(assembler.assemble(m, plan.baselineFor(m.benchmarkCase(), group).map(finished::get)
              .orElse(null)));
          // After the group's last result only warm-ups (of the next group) follow: every export may be drawn.
          save(results, scaling.apply(results), finished.size() < group.size());
        });
        step += group.size() * (plan.warmup() + plan.runs());
      }
      return false;
    } catch (Cancellation.CancelledException | InterruptedException e) {
      return true;
    }
  }

  /**
   * Rewrites --output and every --export with the results so far, marked incomplete.
   *
   * @param betweenRuns true when measured runs follow at once (a result finished inside a group): exports
   *     whose rendering would disturb them wait for the end of the group
   */
  void save(List<Result> results, List<Scaling> scaling, boolean betweenRuns) {
    write(report(false, results, scaling), betweenRuns);
  }

  @Override
  public void close() {
    if (ticker != null) {
      ticker.close();
    }
    if (terminalProgress != null) {
      terminalProgress.clear();
    }
  }

  /**
   * Writes the final files, prints the report (JSON, or the table with the scaling section) and the
   * warnings, and returns the exit status.
   */
  int finish(List<Result> results, List<Scaling> scaling, boolean interrupted) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Report report = report(!interrupted, results, scaling);
    write(report, false);
    out.print(output.format == OutputFormat.JSON ? JsonReport.render(report) : TableReport.render(report));
    out.flush();
    printWarnings(err, results);
    if (interrupted) {
      err.println("concbench: interrupted; kept " + results.size() + " finished result(s)"
          + (output.jsonFile == null ? "" : " in " + output.jsonFile));
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    return exitStatus(results);
  }

  /**
   * For {@code ab}'s sides: writes each result's median wall time in ms, one a line, to {@code file}
   * (atomically; with an interruption, nothing), and returns the exit status as {@link #finish} does. No
   * report is made, printed or written: a side's parent reads only these figures, and a cold JVM took
   * about a third of its sampled time rendering the JSON report (three times: after the result, for
   * --output, for stdout).
   */
  int finishWallMedians(List<Result> results, boolean interrupted, Path file) {
    if (interrupted) {
      return ExitCodes.INTERRUPTED;
    }
    StringBuilder lines = new StringBuilder();
    for (Result result : results) {
      lines.append(Double.toString(result.timing().wallMs().median())).append('\n');
    }
    OutputFiles.write(file, lines.toString());
    return exitStatus(results);
  }

  private Report report(boolean complete, List<Result> results, List<Scaling> scaling) {
    Report report = new Report(Report.SCHEMA, complete, commandLine, environment,
        List.copyOf(derived.apply(results)), scaling);
    return advice == null ? report : report.withAdvice(advice);
  }

  /**
   * What the results say together, added to them each time the files are written (a matrix's knees, from
   * the results finished so far).
   */
  void deriving(UnaryOperator<List<Result>> figures) {
    this.derived = figures;
  }

  /** The advice the files and the printed report carry from now on. */
  void advice(Advice given) {
    this.advice = given;
  }

  /** Separate processes stand for the process executors, threads for the others (docs/capacity.md). */
  static CapacityProbe capacityProbe(boolean otherProcesses) {
    return probeFor(otherProcesses);
  }

  /** Separate processes stand for the process executors, threads for the others (docs/capacity.md). */
  private static CapacityProbe probeFor(boolean otherProcesses) {
    return otherProcesses ? new ProcessCapacityProbe() : new ThreadCapacityProbe();
  }

  /** 1 if a task failed, a result did not verify or a guarded counter lost updates; else 0. */
  private static int exitStatus(List<Result> results) {
    return results.stream().anyMatch(BenchmarkSession::failed) ? ExitCodes.FAILED : ExitCodes.OK;
  }

  private static boolean failed(Result r) {
    Result.Outcome o = r.outcome();
    boolean guardedLoss = o.counter() != null && o.counter().lost() != 0
        && !Guard.fromLabel(r.benchmarkCase().guard()).racy();
    return o.failedTasks() > 0 || o.unverifiedTasks() > 0 || guardedLoss;
  }

  /** Rewrites --output and every --export, each atomically, so an interruption leaves them all valid. */
  private void write(Report report, boolean betweenRuns) {
    if (output.jsonFile != null) {
      OutputFiles.write(output.jsonFile, JsonReport.render(report));
    }
    output.exports().forEach((format, file) -> {
      if (!(betweenRuns && format.disturbsMeasurement())) {
        OutputFiles.write(file, format.render(report));
      }
    });
  }

  /**
   * The warnings on stderr, each naming the full cases it concerns: one line per rule by default, every
   * warning with --verbose ({@link WarningLines}); the JSON has them all in any case.
   */
  private void printWarnings(PrintWriter err, List<Result> results) {
    boolean colour = Terminal.colour(services.stderrTerminal());
    String prefix = colour ? "\u001b[33mwarning\u001b[0m: " : "warning: ";
    List<String> lines = output.verbose ? WarningLines.all(results) : WarningLines.summary(results);
    lines.forEach(line -> err.println(prefix + line));
    err.flush();
  }
}
