package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Short names for the results of one workload, as a chart's axis shows them: the executor and what tells
 * the results apart (workers, guard, and only the tasks and parameters that differ). Unique within the list.
 */
final class ResultLabels {

  private ResultLabels() {}

  static List<String> of(List<Result> results) {
    boolean tasksDiffer = results.stream().map(r -> r.benchmarkCase().tasks()).distinct().count() > 1;
    Set<String> params = differingParams(results, r -> r.benchmarkCase().params());
    List<String> labels = new ArrayList<>();
    for (Result r : results) {
      Result.Case c = r.benchmarkCase();
      StringBuilder label = new StringBuilder(c.executor()).append(", ").append(c.workers())
          .append(c.workers() == 1 ? " worker" : " workers");
      if (c.guard() != null) {
        label.append(", guard ").append(c.guard());
      }
      if (tasksDiffer) {
        label.append(", ").append(c.tasks()).append(" tasks");
      }
      appendParams(label, c.params(), params);
      labels.add(label.toString());
    }
    return unique(labels);
  }

  static List<String> ofScalings(List<Scaling> scalings) {
    Set<String> params = differingParams(scalings, Scaling::params);
    List<String> labels = new ArrayList<>();
    for (Scaling s : scalings) {
      StringBuilder label = new StringBuilder(s.executor());
      if (s.guard() != null) {
        label.append(", guard ").append(s.guard());
      }
      appendParams(label, s.params(), params);
      labels.add(label.toString());
    }
    return unique(labels);
  }

  private static <T> Set<String> differingParams(List<T> items, Function<T, Map<String, Object>> params) {
    Set<String> names = new TreeSet<>();
    items.forEach(i -> {
      if (params.apply(i) != null) {
        names.addAll(params.apply(i).keySet());
      }
    });
    names.removeIf(name -> items.stream()
        .map(i -> params.apply(i) == null ? null : params.apply(i).get(name)).distinct().count() < 2);
    return names;
  }

  private static void appendParams(StringBuilder label, Map<String, Object> values, Set<String> names) {
    for (String name : names) {
      label.append(", ").append(name).append('=').append(values == null ? null : Params.text(values.get(name)));
    }
  }

  /** Charts key categories by label: two equal labels would draw as one bar, so repeats get their place. */
  private static List<String> unique(List<String> labels) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      String label = labels.get(i);
      out.add(labels.indexOf(label) == labels.lastIndexOf(label) ? label : label + " #" + (i + 1));
    }
    return out;
  }
}
