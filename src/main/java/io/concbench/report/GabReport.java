package io.concbench.report;

import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * github-action-benchmark's custom tools: an array of {@code {name, unit, value, range, extra}}. The action
 * takes one direction per file, so there are two: {@code customSmallerIsBetter} (times) and
 * {@code customBiggerIsBetter} (throughput, speedup).
 */
final class GabReport {

  private GabReport() {}

  static String smallerIsBetter(Report report) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Result r : report.results()) {
      Summary wall = r.timing().wallMs();
      entries.add(entry(ResultNames.of(r) + " - wall", "ms", wall.median(),
          wall.ciLow() == null ? null : Units.format("± %.3f", (wall.ciHigh() - wall.ciLow()) / 2),
          Units.format("runs: %d%nmean: %.3f ms%nstddev: %.3f ms", r.timing().runs(), wall.mean(), wall.stddev())));
      entries.add(entry(ResultNames.of(r) + " - p99 task latency", "us", r.timing().latencyUs().p99(), null,
          Units.format("tasks timed: %d", r.timing().latencyUs().count())));
    }
    return JsonReport.renderObject(entries);
  }

  static String biggerIsBetter(Report report) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Result r : report.results()) {
      entries.add(entry(ResultNames.of(r) + " - throughput", "tasks/s", r.timing().throughputPerS(), null,
          Units.format("runs: %d", r.timing().runs())));
      Result.Comparison vs = r.comparison();
      if (vs.speedup() != null) {
        entries.add(entry(ResultNames.of(r) + " - speedup vs " + vs.baseline(), "x", vs.speedup(), null,
            Units.format("efficiency: %.3f", vs.efficiency())));
      }
    }
    return JsonReport.renderObject(entries);
  }

  private static Map<String, Object> entry(String name, String unit, double value, String range, String extra) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("unit", unit);
    entry.put("value", value);
    if (range != null) {
      entry.put("range", range);
    }
    entry.put("extra", extra);
    return entry;
  }
}
