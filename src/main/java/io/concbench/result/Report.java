package io.concbench.result;

import java.util.List;

/**
 * A whole report as written to JSON.
 *
 * @param complete false if the run was interrupted or failed before every result was measured
 * @param scaling the scaling fits of a {@code matrix} that swept worker counts; empty otherwise (and when
 *     read from a report written before the field existed)
 */
public record Report(
    String schema,
    boolean complete,
    List<String> commandLine,
    Environment environment,
    List<Result> results,
    List<Scaling> scaling) {

  /** Bumped only on changes that break readers; adding fields does not. */
  public static final String SCHEMA = "concbench/1";

  public Report {
    scaling = scaling == null ? List.of() : List.copyOf(scaling);
  }

  /** A report with no scaling fits, as {@code run} writes. */
  public Report(String schema, boolean complete, List<String> commandLine, Environment environment,
      List<Result> results) {
    this(schema, complete, commandLine, environment, results, List.of());
  }
}
