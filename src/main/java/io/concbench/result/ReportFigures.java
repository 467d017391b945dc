package io.concbench.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the JSON Schema cannot say about a report's figures and a run could never have written: a number
 * too large to be finite (JSON has no infinity, but 1e999 reads as one), summaries whose samples are not
 * one per measured run or do not match the summary's own minimum, maximum, median and mean, and per-run
 * p99s for another number of runs. Runs on a report that already passed {@link ReportSchema}, so the types
 * are known.
 */
final class ReportFigures {

  /** Another writer (scripts/python-baseline) may round a little differently from concbench. */
  private static final double TOLERANCE = 1e-9;

  private ReportFigures() {}

  /** The first impossible figure, as "where: what", or empty. */
  static Optional<String> firstProblem(JsonNode report) {
    List<Object> path = new ArrayList<>();
    Optional<String> infinite = firstNonFinite(report, report, path);
    if (infinite.isPresent()) {
      return infinite;
    }
    JsonNode results = report.path("results");
    for (int i = 0; i < results.size(); i++) {
      Optional<String> problem = resultProblem(report, i, results.get(i));
      if (problem.isPresent()) {
        return problem;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstNonFinite(JsonNode report, JsonNode node, List<Object> path) {
    if (node.isNumber()) {
      boolean finite = node.isIntegralNumber() ? node.canConvertToLong() : Double.isFinite(node.doubleValue());
      return finite ? Optional.empty()
          : Optional.of(ReportLocation.describe(report, path) + ": " + shortened(node.asText())
              + " is out of range (" + (node.isIntegralNumber() ? "beyond a 64-bit integer" : "not a finite number")
              + ")");
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        path.add(i);
        Optional<String> problem = firstNonFinite(report, node.get(i), path);
        path.remove(path.size() - 1);
        if (problem.isPresent()) {
          return problem;
        }
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        path.add(field.getKey());
        Optional<String> problem = firstNonFinite(report, field.getValue(), path);
        path.remove(path.size() - 1);
        if (problem.isPresent()) {
          return problem;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> resultProblem(JsonNode report, int index, JsonNode result) {
    int runs = result.path("runs").asInt();
    for (Iterator<Map.Entry<String, JsonNode>> fields = result.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      // Summaries are the objects with samples and a mean (wall_ms, cpu_ms, ..., rss_peak_mb).
      if (value.isObject() && value.has("samples") && value.has("mean")) {
        String problem = summaryProblem(value, runs);
        if (problem != null) {
          return Optional.of(ReportLocation.describe(report, List.of("results", index, field.getKey())) + ": "
              + problem);
        }
      }
    }
    JsonNode perRun = result.path("latency_us").path("p99_per_run");
    // Empty where the writer had no per-run figures (another tool); otherwise one per measured run.
    if (perRun.size() != 0 && perRun.size() != runs) {
      return Optional.of(ReportLocation.describe(report, List.of("results", index, "latency_us", "p99_per_run"))
          + ": " + perRun.size() + " value(s) for " + runs + " runs (one per measured run)");
    }
    return Optional.empty();
  }

  /** Null if the summary could have been made from its samples, one per measured run; else what is wrong. */
  private static String summaryProblem(JsonNode summary, int runs) {
    JsonNode samples = summary.get("samples");
    if (samples.size() != runs) {
      return samples.size() + " samples for " + runs + " runs (one per measured run)";
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (JsonNode sample : samples) {
      min = Math.min(min, sample.doubleValue());
      max = Math.max(max, sample.doubleValue());
    }
    if (!close(summary.path("min").doubleValue(), min)) {
      return "min " + summary.path("min").asText() + " is not the least of its samples (" + min + ")";
    }
    if (!close(summary.path("max").doubleValue(), max)) {
      return "max " + summary.path("max").asText() + " is not the largest of its samples (" + max + ")";
    }
    for (String inside : List.of("median", "mean")) {
      double v = summary.path(inside).doubleValue();
      if (v < min && !close(v, min) || v > max && !close(v, max)) {
        return inside + " " + summary.path(inside).asText() + " lies outside its samples' range " + min + " to "
            + max;
      }
    }
    return null;
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
  }

  private static String shortened(String text) {
    return text.length() > 40 ? text.substring(0, 37) + "..." : text;
  }
}
