package io.concbench.report;

import io.concbench.result.Report;
import io.concbench.result.Result;
import java.util.List;

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
        r.timing().wallMs().median() / 1000, failure, details);
  }
}
