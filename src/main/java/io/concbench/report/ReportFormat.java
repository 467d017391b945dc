package io.concbench.report;

import io.concbench.result.Report;

/** One way to write a saved report: a name, a line for help, and a pure function from report to text. */
public interface ReportFormat {

  String name();

  String description();

  String render(Report report);

  /**
   * True if rendering costs enough CPU (and loads enough classes, whose JIT work runs on afterwards) to
   * disturb a measured run that follows it: such an export is not rewritten between measured runs.
   */
  default boolean disturbsMeasurement() {
    return false;
  }
}
