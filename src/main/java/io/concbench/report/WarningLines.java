package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The warnings of a run as lines for people, each naming the full cases it concerns. {@link #all} has every
 * warning, a text said of several results once with all of them; {@link #summary} has one line per rule,
 * the rule's first text with up to {@value #NAMED} cases, and what it left out. A warning is said of the
 * result it concerns, so that in a sweep ("io sleep-ms=5 on thread-pool (workers 2)") each can be placed.
 */
public final class WarningLines {

  /** Cases a summary line names before it counts the rest. */
  static final int NAMED = 3;

  private WarningLines() {}

  /** One warning of one result: its rule (null where the report does not name it), text and case. */
  private record Entry(String rule, String message, String label) {}

  /** Every distinct warning, in the order the results first have it, with every case it concerns. */
  public static List<String> all(List<Result> results) {
    Map<String, Set<String>> labelsByMessage = new LinkedHashMap<>();
    for (Entry e : entries(results)) {
      labelsByMessage.computeIfAbsent(e.message(), m -> new LinkedHashSet<>()).add(e.label());
    }
    List<String> lines = new ArrayList<>();
    labelsByMessage.forEach((message, labels) -> lines.add(String.join("; ", labels) + ": " + message));
    return lines;
  }

  /**
   * One line per rule, in the order the results first have it: its first text with the cases that have
   * that text, and how many more cases the rule found (with other figures); then, if anything was left
   * out, a line saying how much and where the rest is. Warnings whose rule a report does not name are
   * grouped by their text alone.
   */
  public static List<String> summary(List<Result> results) {
    List<Entry> entries = entries(results);
    Map<String, List<Entry>> byRule = new LinkedHashMap<>();
    for (Entry e : entries) {
      byRule.computeIfAbsent(e.rule() == null ? "text:" + e.message() : e.rule(), r -> new ArrayList<>()).add(e);
    }
    List<String> lines = new ArrayList<>();
    boolean leftOut = false;
    for (List<Entry> group : byRule.values()) {
      String first = group.get(0).message();
      List<String> sameText = group.stream().filter(e -> e.message().equals(first)).map(Entry::label).distinct()
          .toList();
      List<String> otherText = group.stream().filter(e -> !e.message().equals(first)).map(Entry::label)
          .filter(l -> !sameText.contains(l)).distinct().toList();
      StringBuilder line = new StringBuilder(named(sameText)).append(": ").append(first);
      if (!otherText.isEmpty()) {
        line.append(" (also ").append(otherText.size()).append(otherText.size() == 1 ? " more case" :
            " more cases").append(", with figures of their own: ").append(named(otherText)).append(')');
      }
      leftOut |= sameText.size() > NAMED || !otherText.isEmpty();
      lines.add(line.toString());
    }
    if (leftOut) {
      long cases = entries.stream().map(Entry::label).distinct().count();
      lines.add(entries.size() + " warnings on " + cases + " results in all: --verbose prints each with its "
          + "cases, and the JSON report has them per result (warnings, warning_rules)");
    }
    return lines;
  }

  /** Up to {@value #NAMED} cases, then how many more. */
  private static String named(List<String> labels) {
    if (labels.size() <= NAMED) {
      return String.join("; ", labels);
    }
    return String.join("; ", labels.subList(0, NAMED)) + " and " + (labels.size() - NAMED) + " more";
  }

  private static List<Entry> entries(List<Result> results) {
    List<Entry> entries = new ArrayList<>();
    for (Result r : results) {
      List<String> warnings = r.warnings() == null ? List.of() : r.warnings();
      for (int i = 0; i < warnings.size(); i++) {
        entries.add(new Entry(r.warningRule(i), warnings.get(i), label(r, results)));
      }
    }
    return entries;
  }

  /**
   * The full case, as much as tells it from the other results: the workload with the parameters whose
   * values differ among its results, the executor, and in brackets its workers (where more than one, or
   * where they differ), the tasks (where they differ), the chunksize, the guard and a rate run's rate.
   */
  static String label(Result r, List<Result> results) {
    Result.Case c = r.benchmarkCase();
    List<Result.Case> sameWorkload = results.stream().map(Result::benchmarkCase)
        .filter(o -> o.workload().equals(c.workload())).toList();
    StringBuilder text = new StringBuilder(c.workload());
    if (c.params() != null) {
      c.params().forEach((key, value) -> {
        boolean differs = sameWorkload.stream().map(o -> o.params() == null ? null : o.params().get(key))
            .anyMatch(v -> !Objects.equals(v, value));
        if (differs) {
          text.append(' ').append(key).append('=').append(Params.text(value));
        }
      });
    }
    text.append(" on ").append(c.executor());
    List<String> details = new ArrayList<>();
    boolean workersDiffer = sameWorkload.stream().anyMatch(o -> o.executor().equals(c.executor())
        && o.workers() != c.workers());
    if (c.workers() > 1 || workersDiffer) {
      details.add("workers " + c.workers());
    }
    if (sameWorkload.stream().anyMatch(o -> o.tasks() != c.tasks())) {
      details.add("tasks " + c.tasks());
    }
    if (c.chunksize() != null) {
      details.add("chunksize " + c.chunksize());
    }
    if (c.guard() != null) {
      details.add("guard " + c.guard());
    }
    if (r.rate() != null) {
      details.add("at " + Params.text(r.rate().offeredPerS()) + "/s");
    }
    return details.isEmpty() ? text.toString() : text + " (" + String.join(", ", details) + ")";
  }
}
