package io.concbench.cli;

import io.concbench.report.AbReport;
import io.concbench.report.ReportFormat;
import io.concbench.result.Report;
import io.concbench.result.ReportReader;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code concbench report FILE.json --format F}: re-renders a saved run. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Re-renders saved JSON reports in another format; several are shown as one, side by side.")
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE.json",
      description = "A report written by 'concbench run' or 'matrix' (or scripts/python-baseline). Several are "
          + "shown as one, their results side by side, with the first one's environment and command line. "
          + "A report of 'concbench ab' is shown alone, as table, markdown, json, junit or html.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      converter = Names.ToReportFormat.class, completionCandidates = Names.ReportFormatNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  ReportFormat format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    if (output != null) {
      OutputFiles.requireWritable("--output", output.toString(), output);
    }
    List<Report> reports = new ArrayList<>();
    for (Path file : files) {
      try {
        reports.add(ReportReader.read(file));
      } catch (ReportReader.BadReportException e) {
        throw new UsageException(e.getMessage());
      }
    }
    String text = abReport(reports).orElseGet(
        () -> format.render(combined(reports, files.stream().map(Path::toString).toList())));
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    }
    OutputFiles.write(output, text);
    return ExitCodes.OK;
  }

  /**
   * An ab report in the format asked for, or empty when no report is one. It is shown alone, and only in the
   * formats it has: its verdict is on A and B, not results to set beside others or to export per result.
   */
  private Optional<String> abReport(List<Report> reports) {
    for (int i = 0; i < reports.size(); i++) {
      if (reports.get(i).ab() == null) {
        continue;
      }
      Path file = files.get(i);
      if (reports.size() > 1) {
        throw new UsageException(file + ": an ab report, which is shown alone (concbench report " + file + ")");
      }
      String name = format.name();
      return Optional.of(AbReport.render(name, reports.get(i)).orElseThrow(() -> UsageException.invalid("--format",
          name, file + " is an ab report, shown as " + String.join(", ", AbReport.FORMATS))));
    }
    return Optional.empty();
  }

  /**
   * One report of several, results and scaling curves in file order: complete only if every one was. The
   * environment and command line are the first's; a reader comparing across machines is warned by
   * {@code compare}, not here. Each result keeps the name of its file ({@code names}, in the reports'
   * order), which the table shows as its first column.
   */
  static Report combined(List<Report> reports, List<String> names) {
    if (reports.size() == 1) {
      return reports.get(0);
    }
    Report first = reports.get(0);
    List<Result> results = new ArrayList<>();
    List<Scaling> scaling = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    boolean complete = true;
    for (int i = 0; i < reports.size(); i++) {
      Report r = reports.get(i);
      results.addAll(r.results());
      scaling.addAll(r.scaling());
      String name = names.get(i);
      r.results().forEach(result -> sources.add(name));
      complete &= r.complete();
    }
    return new Report(first.schema(), complete, first.commandLine(), first.environment(), results, scaling,
        sources);
  }
}
