package io.concbench.report;

import io.concbench.result.RateSummary;
import io.concbench.result.Report;
import io.concbench.result.Result;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A saved run as JUnit XML: a test case per result that fails when the run found something broken. */
final class JunitReport {

  private JunitReport() {}

  static String render(Report report) {
    List<JunitXml.TestCase> cases = report.results().stream().map(JunitReport::testCase).toList();
    return JunitXml.render("concbench", cases);
  }

  private static JunitXml.TestCase testCase(Result r) {
    String failure = null;
    String details = null;
    Result.Outcome o = r.outcome();
    String guard = r.benchmarkCase().guard();
    if (o.badTasks() > 0) {
      failure = o.failedTasks() + " task(s) failed and " + o.unverifiedTasks() + " returned a wrong result";
      details = o.firstFailure();
    } else if (o.counter() != null && o.counter().lost() != 0 && !"none".equals(guard)) {
      failure = "the " + guard + " guard lost " + o.counter().lost() + " counter updates";
      details = "expected " + o.counter().expected() + ", counted " + o.counter().actual();
    }
    return new JunitXml.TestCase("concbench." + r.benchmarkCase().workload(), ResultNames.of(r),
        r.timing().wallMs().median() / 1000, failure, details, rateProperties(r.rate()));
  }

  /** A rate run's figures as the test case's properties; none for a closed run. */
  private static Map<String, String> rateProperties(RateSummary rate) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (rate != null) {
      properties.put("offered_per_s", Double.toString(rate.offeredPerS()));
      properties.put("achieved_per_s", Double.toString(rate.achievedPerS()));
      properties.put("dropped_tasks", Long.toString(rate.droppedTasks()));
      properties.put("latency_p50_us", Double.toString(rate.latencyUs().p50()));
      properties.put("latency_p99_us", Double.toString(rate.latencyUs().p99()));
      if (rate.knee() != null && rate.knee().kneePerS() != null) {
        properties.put("knee_per_s", Double.toString(rate.knee().kneePerS()));
      }
    }
    return properties;
  }
}
