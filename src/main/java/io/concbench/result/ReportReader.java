package io.concbench.result;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a saved {@code concbench/1} report. Every way a file can be unusable becomes a
 * {@link BadReportException} whose one-line message names the file and what is wrong with it.
 */
public final class ReportReader {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      // Later versions of concbench/1 add fields; a reader must not reject them.
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private ReportReader() {}

  /** A report file that cannot be used, with a message fit for one line on stderr. */
  public static final class BadReportException extends Exception {
    public BadReportException(Path file, String problem) {
      super(file + ": " + problem);
    }
  }

  public static Report read(Path file) throws BadReportException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadReportException(file, "no such file");
    } catch (IOException e) {
      throw new BadReportException(file, "cannot be read (" + e.getMessage() + ")");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadReportException(file, "not valid JSON (" + e.getOriginalMessage() + ", line "
          + e.getLocation().getLineNr() + ")");
    }
    if (root == null || !root.isObject() || !root.has("schema")) {
      throw new BadReportException(file, "not a concbench report (no \"schema\" field)");
    }
    String schema = root.get("schema").asText();
    if (!Report.SCHEMA.equals(schema)) {
      throw new BadReportException(file, "schema '" + schema + "' is not supported (expected " + Report.SCHEMA
          + ")");
    }
    Report report;
    try {
      report = MAPPER.treeToValue(root, Report.class);
    } catch (JsonProcessingException e) {
      throw new BadReportException(file, "malformed concbench/1 report (" + e.getOriginalMessage() + ")");
    }
    if (report.results() == null || report.results().isEmpty()) {
      throw new BadReportException(file, "the report has no results");
    }
    for (int i = 0; i < report.results().size(); i++) {
      Result r = report.results().get(i);
      if (r == null || r.benchmarkCase().workload() == null || r.benchmarkCase().executor() == null
          || r.timing().wallMs() == null || r.timing().wallMs().samples() == null
          || r.timing().wallMs().samples().isEmpty()) {
        throw new BadReportException(file, "result " + (i + 1) + " lacks workload, executor or wall_ms samples");
      }
    }
    return report;
  }
}
