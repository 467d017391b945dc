package io.concbench.report;

import io.concbench.result.Report;

/** One way to write a saved report: a name, a line for help, and a pure function from report to text. */
public interface ReportFormat {

  String name();

  String description();

  String render(Report report);
}
