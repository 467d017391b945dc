package io.concbench.cli;

import io.concbench.api.Workload;
import io.concbench.executor.Executor;
import io.concbench.executor.Guard;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.report.ReportFormat;
import io.concbench.report.ReportFormats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;

/**
 * Names users type, checked against the registries with a "did you mean" suggestion. The nested iterables
 * feed picocli's help and completion, the nested converters turn a name into what it names or refuse it in
 * one line: help, completion and errors come from one source.
 */
final class Names {

  private Names() {}

  /** The workloads' names: the built-in ones, and the plug-ins' where the command loaded some. */
  static final class WorkloadNames implements Iterable<String> {
    private final WorkloadCatalog catalog;

    WorkloadNames() {
      this(WorkloadCatalog.builtIn());
    }

    WorkloadNames(WorkloadCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public Iterator<String> iterator() {
      return catalog.names().iterator();
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

  static final class ReportFormatNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ReportFormats.names().iterator();
    }
  }

  /** --workload: a name in the command's {@link WorkloadCatalog}: built-in, or from a plug-in. */
  static final class ToWorkload implements ITypeConverter<Workload> {
    private final WorkloadCatalog catalog;

    ToWorkload() {
      this(WorkloadCatalog.builtIn());
    }

    ToWorkload(WorkloadCatalog catalog) {
      this.catalog = catalog;
    }

    @Override
    public Workload convert(String name) {
      return catalog.find(name).orElseThrow(() -> unknown(name, catalog.names()));
    }
  }

  /** --executor: a name in {@link ExecutorRegistry}, of an executor that can run here. */
  static final class ToExecutor implements ITypeConverter<Executor> {
    @Override
    public Executor convert(String name) {
      return available(name, ExecutorRegistry.names());
    }
  }

  /** --baseline: an executor as for --executor, or "none": null, no baseline. */
  static final class ToBaseline implements ITypeConverter<Executor> {
    @Override
    public Executor convert(String name) {
      return name.equals("none") ? null : available(name, listOf(new BaselineNames()));
    }
  }

  /** --guard: a guard's label. */
  static final class ToGuard implements ITypeConverter<Guard> {
    @Override
    public Guard convert(String label) {
      for (Guard guard : Guard.values()) {
        if (guard.label().equals(label)) {
          return guard;
        }
      }
      throw unknown(label, listOf(new GuardNames()));
    }
  }

  /** A report format's name in {@link ReportFormats}: report --format, the FORMAT of --export. */
  static final class ToReportFormat implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String name) {
      return ReportFormats.find(name).orElseThrow(() -> unknown(name, ReportFormats.names()));
    }
  }

  /**
   * A fixed choice (--format table|json, --capacity auto|off, ...): the enum constant whose {@code toString()}
   * is the value. picocli's own enum conversion would also take the constant's Java name ("TABLE") and word
   * its refusal differently; its completion candidates, the constants' {@code toString()}, are kept.
   */
  abstract static class ToConstant<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    ToConstant(Class<E> type) {
      this.type = type;
    }

    @Override
    public E convert(String value) {
      List<String> known = new ArrayList<>();
      for (E constant : type.getEnumConstants()) {
        if (constant.toString().equals(value)) {
          return constant;
        }
        known.add(constant.toString());
      }
      throw unknown(value, known);
    }
  }

  static List<String> listOf(Iterable<String> names) {
    List<String> list = new ArrayList<>();
    names.forEach(list::add);
    return list;
  }

  private static Executor available(String name, List<String> known) {
    if (!known.contains(name)) {
      throw unknown(name, known);
    }
    Executor executor = ExecutorRegistry.find(name).orElseThrow();
    Optional<String> reason = executor.unavailableReason();
    if (reason.isPresent()) {
      throw BadValue.unavailable(name, reason.get());
    }
    return executor;
  }

  /** A value not among {@code known}: "did you mean" the nearest, or the list if none is near. */
  static BadValue unknown(String value, List<String> known) {
    Optional<String> suggestion = closest(value, known);
    return BadValue.because(value, suggestion.isPresent() ? "did you mean '" + suggestion.get() + "'?"
        : "expected one of: " + String.join(", ", known));
  }

  /**
   * The known name nearest to {@code value}, if it is near enough to be a typo: one edit in a short name, a
   * third of a long one's letters, or the start of a name. Two edits in three letters is another word
   * ("pdf" is not "bmf"), so a short name takes one.
   */
  static Optional<String> closest(String value, List<String> known) {
    return known.stream()
        .filter(k -> distance(value, k) <= Math.max(1, k.length() / 3) || k.startsWith(value) && !value.isEmpty())
        .min(Comparator.comparingInt(k -> distance(value, k)));
  }

  /**
   * Edits from one to the other: insertions, deletions, substitutions and swaps of neighbours (the optimal
   * string alignment distance), so that "singel" is one typo away from "single", as a reader counts.
   */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
