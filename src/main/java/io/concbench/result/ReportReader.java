package io.concbench.result;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a saved {@code concbench/1} report and refuses one that no run could have written. Every way a file
 * can be unusable becomes a {@link BadReportException} whose one-line message names the file, and where it
 * can, the result and the field: too large, not JSON (or JSON nested or sized beyond any report), another
 * schema, against the shipped JSON Schema ({@link ReportSchema}: types, required fields, times and counts
 * that cannot be negative, wall times that cannot be zero), or impossible figures ({@link ReportFigures}:
 * infinities, samples that are not one per run or do not match their summary).
 */
public final class ReportReader {

  /**
   * The largest file read: far above any report (a matrix of 100 results of 1 000 runs each is about 20 MB),
   * low enough that the tree of a file this size fits a small heap instead of ending in OutOfMemoryError.
   */
  public static final long MAX_BYTES = 64L << 20;

  /**
   * Limits the parser enforces while it reads, before any tree is built: a report nests 6 levels deep and
   * writes doubles of at most ~25 characters; Jackson's defaults (1 000 levels, 1 000 digits, 20 MB strings)
   * let a hostile file reach the validator's and mapper's recursion (a stack overflow) first.
   */
  static final int MAX_DEPTH = 32;
  static final int MAX_NUMBER_LENGTH = 64;
  static final int MAX_STRING_LENGTH = 4 << 20;

  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
          .streamReadConstraints(StreamReadConstraints.builder()
              .maxNestingDepth(MAX_DEPTH)
              .maxNumberLength(MAX_NUMBER_LENGTH)
              .maxStringLength(MAX_STRING_LENGTH)
              .maxDocumentLength(MAX_BYTES)
              .build())
          // Two values for one field: which one a reader takes is arbitrary, so neither is trusted.
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      // Later versions of concbench/1 add fields; a reader must not reject them.
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      // A report followed by anything (a second report appended) is not one report.
      .configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);

  private ReportReader() {}

  /** A report file that cannot be used, with a message fit for one line on stderr. */
  public static final class BadReportException extends Exception {
    public BadReportException(Path file, String problem) {
      super(file + ": " + oneLine(problem));
    }

    private static String oneLine(String text) {
      return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
  }

  public static Report read(Path file) throws BadReportException {
    JsonNode root = tree(file);
    if (root == null || root.isMissingNode()) {
      throw new BadReportException(file, "empty file, not a concbench report");
    }
    if (root == null || !root.isObject() || !root.has("schema")) {
      throw new BadReportException(file, "not a concbench report (no \"schema\" field)");
    }
    String schema = root.get("schema").asText();
    if (!Report.SCHEMA.equals(schema)) {
      throw new BadReportException(file, "schema '" + schema + "' is not supported (expected " + Report.SCHEMA
          + ")");
    }
    Optional<String> problem = ReportSchema.firstProblem(root).or(() -> ReportFigures.firstProblem(root));
    if (problem.isPresent()) {
      throw new BadReportException(file, "not a possible concbench/1 report: " + problem.get());
    }
    Report report;
    try {
      report = MAPPER.treeToValue(root, Report.class);
    } catch (JsonProcessingException | RuntimeException e) {
      // The schema passed, so this is a figure beyond the record's type (an int field over 2^31).
      throw new BadReportException(file, "malformed concbench/1 report (" + message(e) + ")");
    }
    // An ab report holds its verdict on A and B in its ab section, and no results of its own.
    if ((report.results() == null || report.results().isEmpty()) && report.ab() == null) {
      throw new BadReportException(file, "the report has no results");
    }
    return report;
  }

  private static JsonNode tree(Path file) throws BadReportException {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new BadReportException(file, "too large to be a concbench report (" + (size >> 20) + " MiB; "
            + "at most " + (MAX_BYTES >> 20) + " MiB are read)");
      }
      try (InputStream in = Files.newInputStream(file)) {
        return MAPPER.readTree(in);
      }
    } catch (NoSuchFileException e) {
      throw new BadReportException(file, "no such file");
    } catch (StreamConstraintsException e) {
      throw new BadReportException(file, "not a concbench report (" + message(e) + ")");
    } catch (JsonProcessingException e) {
      String line = e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr();
      throw new BadReportException(file, "not valid JSON (" + message(e) + line + ")");
    } catch (IOException e) {
      throw new BadReportException(file, "cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * Jackson's message, without its pointers to its own API ("from `StreamReadConstraints...`") and the
   * source excerpt it appends, which can be a megabyte long.
   */
  private static String message(Exception e) {
    String text = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (text == null) {
      return e.getClass().getSimpleName();
    }
    text = text.replaceAll(",? (from|use) `[^`]*`( to [^)]*)?", "").replaceAll("\\s+", " ").trim();
    return text.length() > 200 ? text.substring(0, 197) + "..." : text;
  }
}
