package io.concbench.cli;

import io.concbench.report.ReportFormat;
import io.concbench.report.ReportFormats;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;

/**
 * One {@code --export}: a report format and the file it goes to, written {@code FORMAT=FILE} or as a bare
 * FILE whose extension names one format ({@code r.html}). Parsed here rather than as picocli's map option,
 * whose refusal of a bare file read "Value for option option '--export' ... should be in KEY=VALUE format".
 */
record ExportTarget(ReportFormat format, Path file) {

  /**
   * The extensions that name one format each. Several formats are JSON (json, jmh, bmf, gab): a .json file
   * is concbench's own, the others are asked for by name.
   */
  private static final Map<String, String> BY_EXTENSION = new LinkedHashMap<>();

  static {
    BY_EXTENSION.put("json", "json");
    BY_EXTENSION.put("md", "markdown");
    BY_EXTENSION.put("csv", "csv");
    BY_EXTENSION.put("html", "html");
    BY_EXTENSION.put("htm", "html");
    BY_EXTENSION.put("xml", "junit");
    BY_EXTENSION.put("txt", "table");
  }

  /** The format an extension names, if it names one. */
  static Optional<ReportFormat> byExtension(String file) {
    int dot = file.lastIndexOf('.');
    if (dot < 0 || file.indexOf('/', dot) >= 0) {
      return Optional.empty();
    }
    String format = BY_EXTENSION.get(file.substring(dot + 1).toLowerCase(Locale.ROOT));
    return format == null ? Optional.empty() : ReportFormats.find(format);
  }

  /** FORMAT=FILE, or FILE with a known extension. */
  static final class Converter implements ITypeConverter<ExportTarget> {
    @Override
    public ExportTarget convert(String value) {
      int equals = value.indexOf('=');
      if (equals < 0) {
        return byExtension(value).map(format -> new ExportTarget(format, Path.of(value)))
            .orElseThrow(() -> BadValue.because(value, "expected FORMAT=FILE, e.g. html=report.html, or a FILE "
                + "ending in ." + String.join(", .", BY_EXTENSION.keySet()) + "; formats: "
                + String.join(", ", ReportFormats.names())));
      }
      String name = value.substring(0, equals);
      String file = value.substring(equals + 1);
      ReportFormat format = new Names.ToReportFormat().convert(name);
      if (file.isEmpty()) {
        throw BadValue.because(value, "no FILE after '" + name + "='");
      }
      return new ExportTarget(format, Path.of(file));
    }
  }
}
