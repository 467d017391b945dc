package io.concbench.report;

import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bencher Metric Format: {@code {"<benchmark>": {"latency": {"value", "lower_value", "upper_value"},
 * "throughput": {...}}}}. Bencher's built-in latency measure is in nanoseconds and its throughput in
 * operations per second, so a run's median wall time is given in ns, and throughput in tasks per second.
 * Bounds are the 99.9 % confidence interval of the mean where there is one (with the mean as value, so the
 * value lies between them), otherwise the median with min and max.
 */
final class BmfReport {

  private static final double NANOS_PER_MS = 1e6;

  private BmfReport() {}

  static String render(Report report) {
    Map<String, Object> benchmarks = new LinkedHashMap<>();
    for (Result r : report.results()) {
      Summary wall = r.timing().wallMs();
      Map<String, Object> measures = new LinkedHashMap<>();
      Map<String, Object> latency = new LinkedHashMap<>();
      if (wall.ciLow() != null) {
        latency.put("value", wall.mean() * NANOS_PER_MS);
        latency.put("lower_value", Math.max(0, wall.ciLow()) * NANOS_PER_MS);
        latency.put("upper_value", wall.ciHigh() * NANOS_PER_MS);
      } else {
        latency.put("value", wall.median() * NANOS_PER_MS);
        latency.put("lower_value", wall.min() * NANOS_PER_MS);
        latency.put("upper_value", wall.max() * NANOS_PER_MS);
      }
      measures.put("latency", latency);
      Map<String, Object> throughput = new LinkedHashMap<>();
      throughput.put("value", r.timing().throughputPerS());
      throughput.put("lower_value", r.benchmarkCase().tasks() * 1000.0 / wall.max());
      throughput.put("upper_value", r.benchmarkCase().tasks() * 1000.0 / wall.min());
      measures.put("throughput", throughput);
      benchmarks.put(ResultNames.of(r), measures);
    }
    return JsonReport.renderObject(benchmarks);
  }
}
