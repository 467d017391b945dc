package io.concbench.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A whole report as written to JSON.
 *
 * @param complete false if the run was interrupted or failed before every result was measured
 * @param scaling the scaling fits of a {@code matrix} that swept worker counts; empty otherwise (and when
 *     read from a report written before the field existed)
 * @param sources where each result was read from, in the order of {@code results}, when several saved
 *     reports are shown as one ({@code concbench report a.json b.json}); empty otherwise. Not written to the
 *     JSON: a report's file is where it is, not part of what it measured.
 * @param advice what {@code concbench advise} recommends; null (and left out of the JSON) for other commands
 * @param ab what {@code concbench ab} measured and concluded; null (and absent from the JSON) otherwise
 */
public record Report(
    String schema,
    boolean complete,
    List<String> commandLine,
    Environment environment,
    List<Result> results,
    List<Scaling> scaling,
    @JsonIgnore List<String> sources,
    @JsonInclude(JsonInclude.Include.NON_NULL) Advice advice,
    @JsonInclude(JsonInclude.Include.NON_NULL) AbSection ab) {

  /** Bumped only on changes that break readers; adding fields does not. */
  public static final String SCHEMA = "concbench/1";

  public Report {
    scaling = scaling == null ? List.of() : List.copyOf(scaling);
    sources = sources == null ? List.of() : List.copyOf(sources);
    if (!sources.isEmpty() && sources.size() != results.size()) {
      throw new IllegalArgumentException(sources.size() + " sources for " + results.size() + " results");
    }
  }

  /** A report of several sources, or of one: neither advice nor an {@code ab} report. */
  public Report(String schema, boolean complete, List<String> commandLine, Environment environment,
      List<Result> results, List<Scaling> scaling, List<String> sources) {
    this(schema, complete, commandLine, environment, results, scaling, sources, null, null);
  }

  /** A report read from one place, or measured here: no sources. */
  public Report(String schema, boolean complete, List<String> commandLine, Environment environment,
      List<Result> results, List<Scaling> scaling) {
    this(schema, complete, commandLine, environment, results, scaling, List.of());
  }

  /** An {@code ab} report: its section, no results of its own. */
  public static Report ab(boolean complete, List<String> commandLine, Environment environment, AbSection ab) {
    return new Report(SCHEMA, complete, commandLine, environment, List.of(), List.of(), List.of(), null, ab);
  }

  /** This report with advice. */
  public Report withAdvice(Advice given) {
    return new Report(schema, complete, commandLine, environment, results, scaling, sources, given, ab);
  }

  /** A report with no scaling fits, as {@code run} writes. */
  public Report(String schema, boolean complete, List<String> commandLine, Environment environment,
      List<Result> results) {
    this(schema, complete, commandLine, environment, results, List.of());
  }
}
