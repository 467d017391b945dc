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
    if (r.failedTasks() + r.unverifiedTasks() > 0) {
      failure = r.failedTasks() + " task(s) failed and " + r.unverifiedTasks() + " returned a wrong result";
      details = r.firstFailure();
    } else if (r.counter() != null && r.counter().lost() != 0 && !"none".equals(r.guard())) {
      failure = "the " + r.guard() + " guard lost " + r.counter().lost() + " counter updates";
      details = "expected " + r.counter().expected() + ", counted " + r.counter().actual();
    }
    return new JunitXml.TestCase("concbench." + r.workload(), ResultNames.of(r), r.wallMs().median() / 1000,
        failure, details);
  }
}
