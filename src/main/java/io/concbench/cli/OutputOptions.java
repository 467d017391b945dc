package io.concbench.cli;

import io.concbench.report.ReportFormat;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the results of {@code run} and {@code matrix} go: stdout's format, the JSON report and the exports
 * (rewritten atomically as results finish), and the progress line. A picocli mixin that checks its own
 * options ({@link #validate}).
 */
public final class OutputOptions {

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      converter = OutputFormat.Converter.class, description = "What goes to stdout. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the JSON report to FILE, rewritten atomically as results finish.")
  Path jsonFile;

  // The key's converter only: the file is converted as any Path is.
  @Option(names = "--export", paramLabel = "FORMAT=FILE", converter = Names.ToReportFormat.class,
      description = "Also write the report in FORMAT to FILE, repeatable, rewritten like --output "
          + "(formats: see 'concbench report --help').")
  Map<ReportFormat, Path> exports = new LinkedHashMap<>();

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  /** Refuses a file that cannot be written, before any work: a usage error must leave no file behind. */
  void validate() {
    if (jsonFile != null) {
      OutputFiles.requireWritable("--output", jsonFile.toString(), jsonFile);
    }
    exports.forEach((format, file) -> OutputFiles.requireWritable("--export", format.name() + "=" + file, file));
  }
}
