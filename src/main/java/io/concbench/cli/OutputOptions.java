package io.concbench.cli;

import io.concbench.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Option(names = "--export", paramLabel = "FORMAT=FILE", converter = ExportTarget.Converter.class,
      description = "Also write the report in FORMAT to FILE, repeatable, rewritten like --output "
          + "(formats: see 'concbench report --help'). A FILE alone takes the format its extension names: "
          + ".json, .md, .csv, .html, .xml (junit), .txt (table).")
  List<ExportTarget> exportTargets = new ArrayList<>();

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  @Option(names = "--verbose", description = "Every warning on stderr, each with the cases it concerns "
      + "(default: one line per kind of warning; the JSON has them all either way).")
  boolean verbose;

  /** Refuses a file that cannot be written, before any work: a usage error must leave no file behind. */
  void validate() {
    if (jsonFile != null) {
      OutputFiles.requireWritable("--output", jsonFile.toString(), jsonFile);
    }
    exports().forEach((format, file) -> OutputFiles.requireWritable("--export", format.name() + "=" + file, file));
  }

  /** Each format's file; a format given twice, the last file, as a repeated option is read. */
  Map<ReportFormat, Path> exports() {
    Map<ReportFormat, Path> exports = new LinkedHashMap<>();
    exportTargets.forEach(target -> exports.put(target.format(), target.file()));
    return exports;
  }
}
