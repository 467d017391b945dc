package io.concbench.result;

import java.util.List;

/**
 * A whole report as written to JSON.
 *
 * @param complete false if the run was interrupted or failed before every result was measured
 */
public record Report(
    String schema, boolean complete, List<String> commandLine, Environment environment, List<Result> results) {

  /** Bumped only on changes that break readers; adding fields does not. */
  public static final String SCHEMA = "concbench/1";
}
