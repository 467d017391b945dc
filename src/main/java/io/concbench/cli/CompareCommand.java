package io.concbench.cli;

import io.concbench.report.ComparisonReport;
import io.concbench.report.JsonReport;
import io.concbench.result.Report;
import io.concbench.result.ReportReader;
import io.concbench.result.Version;
import io.concbench.stats.ComparisonRule;
import io.concbench.stats.ReportComparison;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code concbench compare BASELINE.json CURRENT.json}: a regression gate for CI. */
@Command(
    name = "compare",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {"Compares two saved reports result by result: for each metric the ratio current/baseline "
        + "with a confidence interval, and a verdict from a Mann-Whitney rank test on the per-run samples "
        + "plus a minimum effect size."},
    footer = {"", "Exit status: 0 no significant regression, 1 a regression beyond the threshold "
        + "(with --fail-on regression), 2 unreadable, wrong-schema, impossible or incompatible files, or "
        + "results that could not be judged (too few runs; see --allow-unjudged)."})
public final class CompareCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "BASELINE.json", description = "The report to compare against.")
  Path baselineFile;

  @Parameters(index = "1", paramLabel = "CURRENT.json", description = "The report to judge.")
  Path currentFile;

  // '%%': picocli formats descriptions with String.format.
  @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%", converter = Percentages.class,
      description = "Smallest change that counts, e.g. 5%% or 5. Default: ${DEFAULT-VALUE}.")
  double thresholdPercent;

  @Option(names = "--fail-on", paramLabel = "regression|never", defaultValue = "regression",
      converter = FailOn.Converter.class,
      description = "Exit 1 on a significant regression, or never. Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Option(names = "--alpha", paramLabel = "P", defaultValue = "0.01",
      description = "Significance level of the rank test. Default: ${DEFAULT-VALUE}.")
  double alpha;

  @Option(names = "--min-samples", paramLabel = "N", defaultValue = "5",
      description = "Runs each side needs before any verdict. Default: ${DEFAULT-VALUE}.")
  int minSamples;

  @Option(names = "--format", paramLabel = "table|markdown|json|junit", defaultValue = "table",
      converter = CompareFormat.Converter.class,
      description = "What goes to stdout (markdown is ready for a pull-request comment; junit is one test "
          + "case per result, failed on a regression). "
          + "Default: ${DEFAULT-VALUE}.")
  CompareFormat format;

  @Option(names = "--output", paramLabel = "FILE", description = "Also write the output to FILE, atomically.")
  Path output;

  @Option(names = "--confirm", paramLabel = "N", defaultValue = "0",
      description = "When something regressed, re-run those results from CURRENT's recorded command line N "
          + "more times on this machine (runs interleaved), in a child JVM with CURRENT's recorded java, JVM "
          + "options and plug-ins, and keep a regression only if it reproduces. Refused when those cannot be "
          + "had here or CURRENT was measured by another concbench version or jar. N must be at least --min-samples "
          + "(fewer is refused). Default: off.")
  int confirm;

  @Option(names = "--allow-unjudged",
      description = "Exit by the verdicts alone even when results could not be judged (fewer runs than "
          + "--min-samples on a side). Without it such results fail the gate with exit 2: a gate that passes "
          + "what it did not judge is blind.")
  boolean allowUnjudged;

  private final Services services;

  public CompareCommand(Services services) {
    this.services = services;
  }

  @Override
  public Integer call() {
    ComparisonRule rule = rule();
    if (output != null) {
      OutputFiles.requireWritable("--output", output.toString(), output);
    }
    Report baseline = read(baselineFile);
    Report current = read(currentFile);
    ReportComparison.Outcome outcome = ReportComparison.compare(baseline, current, rule);
    if (outcome.pairs().isEmpty()) {
      throw new UsageException(baselineFile + " and " + currentFile
          + " have no result in common (same workload, executor, workers, tasks, params and guard)");
    }
    if (confirm > 0 && outcome.regressions() > 0) {
      try {
        outcome = confirmed(baseline, current, outcome, rule);
      } catch (ConfirmationRun.Interrupted e) {
        spec.commandLine().getErr().println("compare: interrupted while confirming; nothing was written");
        return ExitCodes.INTERRUPTED;
      }
    }

    String text = switch (format) {
      case MARKDOWN -> ComparisonReport.markdown(outcome, rule);
      case JUNIT -> ComparisonReport.junit(outcome);
      case JSON -> JsonReport.renderObject(
          ComparisonReport.json(outcome, rule, baselineFile.toString(), currentFile.toString()));
      case TABLE -> ComparisonReport.table(outcome, rule);
    };
    if (output != null) {
      OutputFiles.write(output, text);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(text);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    for (String difference : outcome.environmentDifferences()) {
      err.println("warning: the reports come from different environments, which usually makes a comparison "
          + "meaningless: " + difference);
    }
    for (ReportComparison.PairOutcome pair : outcome.pairs()) {
      pair.metrics().stream()
          .filter(m -> m.comparison().verdict() == io.concbench.stats.Verdict.REGRESSED)
          .forEach(m -> err.println(String.format(Locale.ROOT, "regressed: %s: %s %.3fx (p=%.4f)",
              pair.key().label(), m.metric().label(), m.comparison().ratio(), m.comparison().pValue())));
      for (String note : pair.notes()) {
        err.println("warning: " + pair.key().label() + ": " + note
            + (pair.regressed() ? " (the regression above may be the machine's, not the code's)" : ""));
      }
    }
    if (format == CompareFormat.TABLE || format == CompareFormat.JSON) {
      ComparisonReport.unpaired(outcome).forEach(line -> err.println("note: " + line));
    }
    boolean fail = failOn == FailOn.REGRESSION && outcome.regressions() > 0;
    boolean blind = warnUnjudged(outcome, rule, err) && !allowUnjudged;
    err.flush();
    // A regression is the more useful news; a gate that judged too little fails on its own.
    return fail ? ExitCodes.FAILED : blind ? ExitCodes.USAGE : ExitCodes.OK;
  }

  /**
   * Names every result that had too few runs to be judged, and says what the exit status makes of them.
   *
   * @return true if any result was left unjudged
   */
  private boolean warnUnjudged(ReportComparison.Outcome outcome, ComparisonRule rule, PrintWriter err) {
    List<ReportComparison.PairOutcome> unjudged = outcome.unjudged();
    for (ReportComparison.PairOutcome pair : unjudged) {
      err.println("warning: " + pair.key().label() + ": not judged: " + runs(pair) + ", fewer than --min-samples "
          + rule.minSamples());
    }
    if (unjudged.isEmpty()) {
      return false;
    }
    String what = unjudged.size() == outcome.pairs().size() ? "nothing could be judged (no result"
        : unjudged.size() + " of " + outcome.pairs().size() + " results could not be judged (they";
    err.println("compare: " + what + " had --min-samples " + rule.minSamples() + " runs on each side; rerun with "
        + "--runs " + rule.minSamples() + " or more)" + (allowUnjudged ? "; passing anyway (--allow-unjudged)"
        : "; pass --allow-unjudged to let the gate pass without them"));
    return true;
  }

  /** The runs each side had, as the first metric counted them ("3 runs in the baseline, 3 in the current"). */
  private static String runs(ReportComparison.PairOutcome pair) {
    if (pair.metrics().isEmpty()) {
      return "no samples to compare";
    }
    io.concbench.stats.SampleComparison c = pair.metrics().get(0).comparison();
    return c.baselineSamples() + " run(s) in the baseline, " + c.currentSamples() + " in the current report";
  }

  /** Re-runs the regressed results and keeps only the regressions that reproduce. */
  private ReportComparison.Outcome confirmed(Report baseline, Report current, ReportComparison.Outcome outcome,
      ComparisonRule rule) {
    List<ReportComparison.Key> flagged = outcome.pairs().stream().filter(ReportComparison.PairOutcome::regressed)
        .map(ReportComparison.PairOutcome::key).toList();
    List<String> args = ConfirmationRun.arguments(current.commandLine(), currentFile.toString(), flagged, confirm);
    ConfirmationJvm jvm = ConfirmationJvm.of(current.environment(), currentFile.toString(), Version.current(),
        io.concbench.result.ConcbenchJar.sha256().orElse(null), System.getProperty("java.class.path"));
    Path file;
    try {
      // Made once the re-run is known to be possible; it holds the re-run's JSON and is removed once read,
      // or when the re-run fails.
      file = java.nio.file.Files.createTempFile("concbench-confirm-", ".json");
    } catch (java.io.IOException e) {
      throw new UsageException("--confirm: cannot create a temporary file: " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    err.println("compare: confirming " + flagged.size() + " regressed result(s) with " + confirm
        + " more runs as " + currentFile + " was measured (" + jvm.describe() + "): concbench "
        + String.join(" ", args));
    err.flush();
    Report rerun = ConfirmationRun.run(args, jvm, file, err);
    ReportComparison.Outcome confirmation = ReportComparison.compare(baseline, rerun, rule);
    ReportComparison.Outcome again = ReportComparison.confirm(outcome, confirmation);
    for (ReportComparison.PairOutcome pair : again.pairs()) {
      pair.metrics().stream()
          .filter(m -> m.comparison().verdict() == io.concbench.stats.Verdict.NOT_REPRODUCED)
          .forEach(m -> err.println("not reproduced: " + pair.key().label() + ": " + m.metric().label()
              + " regressed in " + currentFile + " but not in the " + confirm + " confirming runs"));
    }
    // A kept regression says so too, with the re-run's own figures: the news a red CI job needs first.
    for (ReportComparison.PairOutcome pair : again.pairs()) {
      for (ReportComparison.MetricOutcome kept : pair.metrics()) {
        if (kept.comparison().verdict() != io.concbench.stats.Verdict.REGRESSED) {
          continue;
        }
        confirmation.pairs().stream().filter(p -> p.key().equals(pair.key()))
            .flatMap(p -> p.metrics().stream()).filter(m -> m.metric() == kept.metric()).findFirst()
            .ifPresent(m -> err.println(String.format(Locale.ROOT,
                "reproduced: %s: %s regressed again in the %d confirming runs (%.3fx, p=%.4f)", pair.key().label(),
                m.metric().label(), confirm, m.comparison().ratio(), m.comparison().pValue())));
      }
    }
    return again;
  }

  private ComparisonRule rule() {
    if (!(alpha > 0 && alpha < 1)) {
      throw new UsageException(String.format(Locale.ROOT,
          "invalid value for --alpha: '%s' (must be between 0 and 1)", alpha));
    }
    if (confirm < 0 || confirm > 1000) {
      throw new UsageException("invalid value for --confirm: '" + confirm + "' (must be from 0 to 1000)");
    }
    if (confirm > 0 && confirm < minSamples) {
      throw new UsageException("invalid value for --confirm: '" + confirm + "' (a confirmation needs at least "
          + "--min-samples runs, " + minSamples + ")");
    }
    if (minSamples < 2 || minSamples > 10_000) {
      throw new UsageException("invalid value for --min-samples: '" + minSamples + "' (must be between 2 and 10000)");
    }
    return new ComparisonRule(thresholdPercent / 100, alpha, minSamples, ComparisonRule.DEFAULT.confidence());
  }

  private static Report read(Path file) {
    Report report;
    try {
      report = ReportReader.read(file);
    } catch (ReportReader.BadReportException e) {
      throw new UsageException(e.getMessage());
    }
    if (report.ab() != null) {
      throw new UsageException(file + ": an ab report: it holds its own verdict on A and B, not results to "
          + "compare (show it with 'concbench report " + file + "')");
    }
    return report;
  }
}
