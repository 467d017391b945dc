package io.concbench.cli;

import io.concbench.registry.ExecutorRegistry;
import io.concbench.executor.Guard;
import io.concbench.workload.WorkloadRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Names users type, checked against the registries with a "did you mean" suggestion. The nested
 * iterables feed picocli's help and completion, so help, completion and errors come from one source.
 */
final class Names {

  private Names() {}

  static final class WorkloadNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return WorkloadRegistry.names().iterator();
    }
  }

  static final class ExecutorNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ExecutorRegistry.names().iterator();
    }
  }

  static final class GuardNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Guard.values()).map(Guard::label).iterator();
    }
  }

  static final class BaselineNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> names = new ArrayList<>(ExecutorRegistry.names());
      names.add("none");
      return names.iterator();
    }
  }

  static List<String> listOf(Iterable<String> names) {
    List<String> list = new ArrayList<>();
    names.forEach(list::add);
    return list;
  }

  /** Throws a one-line {@link UsageException} unless {@code value} is one of {@code known}. */
  static void requireKnown(String option, String value, List<String> known) {
    if (known.contains(value)) {
      return;
    }
    StringBuilder message = new StringBuilder("invalid value for ").append(option).append(": '")
        .append(value).append('\'');
    Optional<String> suggestion = closest(value, known);
    if (suggestion.isPresent()) {
      message.append(" (did you mean '").append(suggestion.get()).append("'?)");
    } else {
      message.append(" (expected one of: ").append(String.join(", ", known)).append(')');
    }
    throw new UsageException(message.toString());
  }

  /** The known name nearest to {@code value}, if it is near enough to be a typo. */
  static Optional<String> closest(String value, List<String> known) {
    return known.stream()
        .filter(k -> distance(value, k) <= Math.max(2, k.length() / 3) || k.startsWith(value) && !value.isEmpty())
        .min(Comparator.comparingInt(k -> distance(value, k)));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
