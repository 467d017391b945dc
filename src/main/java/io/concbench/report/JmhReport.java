package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.Environment;
import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * JMH's JSON result format ({@code -rf json}), so JMH tooling (jmh-visualizer, JMH-based CI actions) can
 * read concbench results. Each result is a benchmark {@code concbench.<workload>.<executor>} in single-shot
 * mode whose operation is one whole run of all tasks; its parameters are workers, tasks, guard and the
 * workload's parameters. The score error is the half-width of the 99.9 % interval, as JMH reports it.
 */
final class JmhReport {

  private static final double[] PERCENTILES = {0.0, 50.0, 90.0, 95.0, 99.0, 99.9, 99.99, 99.999, 99.9999, 100.0};

  private JmhReport() {}

  static String render(Report report) {
    List<Map<String, Object>> benchmarks = new ArrayList<>();
    for (Result r : report.results()) {
      benchmarks.add(benchmark(r, report.environment()));
    }
    return JsonReport.renderObject(benchmarks);
  }

  /** Reports written before these fields existed lack them. */
  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static Map<String, Object> benchmark(Result r, Environment environment) {
    Result.Case c = r.benchmarkCase();
    Summary wall = r.timing().wallMs();
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("jmhVersion", "1.37");
    b.put("benchmark", "concbench." + c.workload() + "." + c.executor());
    b.put("mode", "ss");
    b.put("threads", c.workers());
    b.put("forks", 1);
    b.put("jvm", environment == null || environment.javaHome() == null ? "" : environment.javaHome() + "/bin/java");
    b.put("jvmArgs", environment == null ? List.of() : environment.jvmArgs());
    b.put("jdkVersion", environment == null ? "" : environment.javaVersion());
    b.put("vmName", environment == null ? "" : orElse(environment.javaVmName(), environment.javaVm()));
    b.put("vmVersion", environment == null ? "" : orElse(environment.javaVmVersion(), environment.javaVersion()));
    b.put("warmupIterations", r.timing().warmupRuns());
    b.put("warmupTime", "single-shot");
    b.put("warmupBatchSize", 1);
    b.put("measurementIterations", r.timing().runs());
    b.put("measurementTime", "single-shot");
    b.put("measurementBatchSize", 1);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("workers", Integer.toString(c.workers()));
    params.put("tasks", Integer.toString(c.tasks()));
    if (c.guard() != null) {
      params.put("guard", c.guard());
    }
    if (c.params() != null) {
      c.params().forEach((k, v) -> params.put(k, Params.text(v)));
    }
    b.put("params", params);
    Map<String, Object> primary = new LinkedHashMap<>();
    primary.put("score", wall.mean());
    double error = wall.ciHigh() == null ? Double.NaN : (wall.ciHigh() - wall.ciLow()) / 2;
    primary.put("scoreError", Double.isNaN(error) ? "NaN" : error);
    primary.put("scoreConfidence", wall.ciLow() == null ? List.of("NaN", "NaN")
        : List.of(wall.ciLow(), wall.ciHigh()));
    double[] samples = wall.samples().stream().mapToDouble(Double::doubleValue).toArray();
    Map<String, Double> percentiles = new LinkedHashMap<>();
    Percentile estimator = new Percentile();
    for (double p : PERCENTILES) {
      double value = p == 0 ? wall.min() : p == 100 ? wall.max() : estimator.evaluate(samples, p);
      percentiles.put(Double.toString(p), value);
    }
    primary.put("scorePercentiles", percentiles);
    primary.put("scoreUnit", "ms/op");
    primary.put("rawData", List.of(wall.samples()));
    b.put("primaryMetric", primary);
    b.put("secondaryMetrics", Map.of());
    return b;
  }
}
