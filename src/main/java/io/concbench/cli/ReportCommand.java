package io.concbench.cli;

import io.concbench.report.ReportFormat;
import io.concbench.report.ReportFormats;
import io.concbench.result.Report;
import io.concbench.result.ReportReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code concbench report FILE.json --format F}: re-renders a saved run. */
@Command(name = "report", sortOptions = false, mixinStandardHelpOptions = true,
    description = "Re-renders a saved JSON report in another format.")
public final class ReportCommand implements Callable<Integer> {

  /** Format names for help and completion, from the registry. */
  static final class FormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ReportFormats.names().iterator();
    }
  }

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.json", description = "A report written by 'concbench run'.")
  Path file;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
      completionCandidates = FormatNames.class,
      description = "One of: ${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE (atomically) instead of stdout.")
  Path output;

  @Override
  public Integer call() {
    Names.requireKnown("--format", format, ReportFormats.names());
    ReportFormat chosen = ReportFormats.find(format).orElseThrow();
    if (output != null) {
      OutputFiles.requireWritable("--output", output.toString(), output);
    }
    Report report;
    try {
      report = ReportReader.read(file);
    } catch (ReportReader.BadReportException e) {
      throw new UsageException(e.getMessage());
    }
    String text = chosen.render(report);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
      return ExitCodes.OK;
    }
    OutputFiles.write(output, text);
    return ExitCodes.OK;
  }
}
