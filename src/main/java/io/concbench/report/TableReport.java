package io.concbench.report;

import io.concbench.result.CounterSummary;
import io.concbench.result.Params;
import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import io.concbench.result.Summary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The human table: one row per result, aligned columns with units; columns that say nothing are left out. */
public final class TableReport {

  /** One column: its header, alignment, and how a result fills its cell. Markdown uses the same columns. */
  record Column(String header, boolean rightAligned, Function<Result, String> cell) {}

  private TableReport() {}

  public static String render(List<Result> results) {
    return render(results, Map.of());
  }

  private static String render(List<Result> results, Map<Result, String> sources) {
    if (results.isEmpty()) {
      return "no results\n";
    }
    return layOut(columns(results, sources), results);
  }

  /** The results, then the scaling curves of a matrix (if any), each fit on one line, then advise's advice. */
  public static String render(Report report) {
    String table = render(report.results(), sources(report)) + RateCurves.table(report.results());
    if (!report.scaling().isEmpty()) {
      table += "\nscaling: speedup over the reference by worker count; Amdahl's law and the USL fitted by "
          + "least squares\n" + scaling(report.scaling());
    }
    return report.advice() == null ? table : table + AdviceText.render(report.advice());
  }

  /** One row per curve: its points, Amdahl's serial fraction, the USL's σ, κ and peak, and each fit's R². */
  static String scaling(List<Scaling> curves) {
    List<String> swept = new ArrayList<>();
    for (Scaling curve : curves) {
      if (curve.params() != null) {
        curve.params().keySet().stream()
            .filter(key -> curves.stream().filter(c -> c.workload().equals(curve.workload()) && c.params() != null)
                .map(c -> c.params().get(key)).distinct().count() > 1)
            .filter(key -> !swept.contains(key))
            .forEach(swept::add);
      }
    }
    boolean guards = curves.stream().anyMatch(c -> c.guard() != null);
    boolean chunks = curves.stream().anyMatch(c -> c.chunksize() != null);
    List<String> header = new ArrayList<>(List.of("workload", "executor"));
    if (guards) {
      header.add("guard");
    }
    header.addAll(swept);
    if (chunks) {
      header.add("chunksize");
    }
    int leftColumns = header.size();
    header.addAll(List.of("reference", "speedup at workers", "amdahl s", "max", "r2", "usl sigma", "kappa",
        "peak at", "r2"));
    List<String[]> rows = new ArrayList<>();
    rows.add(header.toArray(String[]::new));
    for (Scaling c : curves) {
      List<String> row = new ArrayList<>(List.of(c.workload(), c.executor()));
      if (guards) {
        row.add(c.guard() == null ? "" : c.guard());
      }
      for (String key : swept) {
        row.add(c.params() == null || !c.params().containsKey(key) ? "" : Params.text(c.params().get(key)));
      }
      if (chunks) {
        row.add(c.chunksize() == null ? "" : Integer.toString(c.chunksize()));
      }
      row.add(c.reference());
      row.add(String.join(" ", c.points().stream()
          .map(p -> Units.format("%d:%.2fx", p.workers(), p.speedup())).toList()));
      Scaling.AmdahlFit amdahl = c.amdahl();
      row.add(amdahl == null ? "-" : Units.format("%.3f", amdahl.serialFraction()));
      row.add(amdahl == null || amdahl.maxSpeedup() == null ? "-" : Units.format("%.2fx", amdahl.maxSpeedup()));
      row.add(amdahl == null ? "-" : fitQuality(amdahl.rSquared()));
      Scaling.UslFit usl = c.usl();
      row.add(usl == null ? "-" : Units.format("%.3f", usl.sigma()));
      row.add(usl == null ? "-" : Units.format("%.4f", usl.kappa()));
      row.add(usl == null || usl.peakWorkers() == null ? "-"
          : Units.format("%.1f (%.2fx)", usl.peakWorkers(), usl.peakSpeedup()));
      row.add(usl == null ? "-" : fitQuality(usl.rSquared()));
      rows.add(row.toArray(String[]::new));
    }
    int[] left = java.util.stream.IntStream.range(0, leftColumns + 2).toArray();
    return TextTable.render(rows, left);
  }

  private static String fitQuality(Double rSquared) {
    return rSquared == null ? "-" : Units.format("%.2f", rSquared);
  }

  /** The columns worth showing for these results: those that say nothing are left out. */
  static List<Column> columns(List<Result> results) {
    return columns(results, Map.of());
  }

  /**
   * Each result's source, by identity (two files may hold equal results), for a report shown from several
   * files; empty for one.
   */
  static Map<Result, String> sources(Report report) {
    Map<Result, String> sources = new IdentityHashMap<>();
    for (int i = 0; i < report.sources().size(); i++) {
      sources.put(report.results().get(i), report.sources().get(i));
    }
    return sources;
  }

  /**
   * The columns worth showing, first the file each result came from where there are several: rows of two
   * reports shown as one would otherwise be told apart by nothing.
   */
  static List<Column> columns(List<Result> results, Map<Result, String> sources) {
    List<Column> columns = new ArrayList<>();
    if (!sources.isEmpty()) {
      columns.add(new Column("source", false, r -> orEmpty(sources.get(r))));
    }
    columns.add(new Column("workload", false, r -> r.benchmarkCase().workload()));
    columns.add(new Column("executor", false, r -> r.benchmarkCase().executor()));
    if (results.stream().anyMatch(r -> r.benchmarkCase().guard() != null)) {
      columns.add(new Column("guard", false, r -> orEmpty(r.benchmarkCase().guard())));
    }
    for (String key : sweptParams(results)) {
      columns.add(new Column(key, true, r -> {
        Map<String, Object> params = r.benchmarkCase().params();
        return params == null || !params.containsKey(key) ? "" : Params.text(params.get(key));
      }));
    }
    if (results.stream().anyMatch(r -> r.benchmarkCase().chunksize() != null)) {
      columns.add(new Column("chunksize", true, r -> orEmpty(r.benchmarkCase().chunksize())));
    }
    columns.add(new Column("workers", true, r -> Integer.toString(r.benchmarkCase().workers())));
    columns.add(new Column("tasks", true, r -> Integer.toString(r.benchmarkCase().tasks())));
    columns.add(new Column("wall median", true, r -> Units.millis(r.timing().wallMs().median())));
    columns.add(new Column("99.9% CI", true, TableReport::interval));
    columns.add(new Column("cpu", true,
        r -> r.timing().cpuMs() == null ? "n/a" : Units.millis(r.timing().cpuMs().median())));
    columns.add(new Column("cores", true, r -> Units.format("%.2f", r.timing().coresUsed())));
    columns.add(new Column("p50 task", true, r -> Units.micros(r.timing().latencyUs().p50())));
    columns.add(new Column("p99 task", true, r -> Units.micros(r.timing().latencyUs().p99())));
    columns.add(new Column("tasks/s", true, r -> Units.rate(r.timing().throughputPerS())));
    if (results.stream().anyMatch(r -> r.rate() != null)) {
      // A rate run's figures: what was offered and achieved, and latency from the intended release, the
      // figure a user of a service would feel (the task columns above are service time alone).
      columns.add(new Column("offered/s", true, r -> r.rate() == null ? "" : Units.rate(r.rate().offeredPerS())));
      columns.add(new Column("achieved/s", true,
          r -> r.rate() == null ? "" : Units.rate(r.rate().achievedPerS())));
      columns.add(new Column("p50 latency", true,
          r -> r.rate() == null ? "" : Units.micros(r.rate().latencyUs().p50())));
      columns.add(new Column("p99 latency", true,
          r -> r.rate() == null ? "" : Units.micros(r.rate().latencyUs().p99())));
      columns.add(new Column("p99 queue", true,
          r -> r.rate() == null ? "" : Units.micros(r.rate().queueUs().p99())));
      if (results.stream().anyMatch(r -> r.rate() != null && r.rate().maxQueue() != null)) {
        columns.add(new Column("dropped", true,
            r -> r.rate() == null ? "" : Long.toString(r.rate().droppedTasks())));
      }
    }
    if (results.stream().anyMatch(r -> r.comparison().speedup() != null)) {
      columns.add(new Column("speedup", true, r -> figure("%.2fx", r.comparison().speedup())));
      columns.add(new Column("efficiency", true, r -> figure("%.2f", r.comparison().efficiency())));
    }
    if (results.stream().anyMatch(r -> r.capacity().probe() != null)) {
      columns.add(new Column("capacity", true, r -> r.capacity().probe() == null ? ""
          : Units.format("%.2f/%d", r.capacity().probe().median(), r.capacity().probe().k())));
      columns.add(new Column("eff/capacity", true, r -> figure("%.2f", r.capacity().efficiencyVsCapacity())));
    }
    if (results.stream().anyMatch(r -> r.capacity().partlyWaiting())) {
      // Blank on the rows of all-CPU work in the same table (a matrix of cpu and mixed): its bound is the
      // capacity, and a figure there would read as if the work waited.
      columns.add(new Column("bound", true, r -> r.capacity().partlyWaiting()
          ? figure("%.2fx", r.capacity().speedupBound()) : ""));
      columns.add(new Column("eff/bound", true, r -> r.capacity().partlyWaiting()
          ? figure("%.2f", r.capacity().efficiencyVsBound()) : ""));
    }
    if (results.stream().anyMatch(r -> r.outcome().counter() != null)) {
      columns.add(new Column("lost updates", true, TableReport::lostUpdates));
    }
    MemoryColumns.add(columns, results);
    phaseColumn(columns, results, "start-up", Result.ProcessPhases::startupMs);
    phaseColumn(columns, results, "pool start", Result.ProcessPhases::poolStartMs);
    phaseColumn(columns, results, "ipc/task", Result.ProcessPhases::ipcMs);
    phaseColumn(columns, results, "compute/task", Result.ProcessPhases::computeMs);
    phaseColumn(columns, results, "exit", Result.ProcessPhases::exitMs);
    phaseColumn(columns, results, "shutdown", Result.ProcessPhases::shutdownMs);
    if (results.stream().anyMatch(r -> r.outcome().badTasks() > 0)) {
      columns.add(new Column("failed", true, r -> Long.toString(r.outcome().badTasks())));
    }
    return columns;
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  /** A figure formatted, or an empty cell where it is null. */
  private static String figure(String pattern, Double value) {
    return value == null ? "" : Units.format(pattern, value);
  }

  /**
   * Parameters that tell rows apart: those two results of one workload have with different values (a
   * matrix that sweeps {@code --param}). Parameters a workload always has once would only widen the table.
   */
  static List<String> sweptParams(List<Result> results) {
    record WorkloadParam(String workload, String key) {}
    Map<WorkloadParam, Set<Object>> values = new LinkedHashMap<>();
    for (Result r : results) {
      Result.Case c = r.benchmarkCase();
      if (c.params() != null) {
        c.params().forEach((key, value) ->
            values.computeIfAbsent(new WorkloadParam(c.workload(), key), k -> new HashSet<>()).add(value));
      }
    }
    List<String> swept = new ArrayList<>();
    values.forEach((param, seen) -> {
      if (seen.size() > 1 && !swept.contains(param.key())) {
        swept.add(param.key());
      }
    });
    return swept;
  }

  /** A process executor's phase (median over runs), shown only when some result has it. */
  private static void phaseColumn(List<Column> columns, List<Result> results, String header,
      Function<Result.ProcessPhases, Summary> phase) {
    if (results.stream().anyMatch(r -> phase.apply(r.phases()) != null)) {
      columns.add(new Column(header, true,
          r -> phase.apply(r.phases()) == null ? "" : Units.millis(phase.apply(r.phases()).median())));
    }
  }

  private static String interval(Result r) {
    Summary wall = r.timing().wallMs();
    if (wall.ciLow() == null) {
      return "n/a";
    }
    double below = wall.mean() - wall.ciLow();
    double above = wall.ciHigh() - wall.mean();
    if (below < above * 0.999) {
      // Stopped at zero (a time cannot be negative): "41.6 ms ±72.6 ms" would read as if it crossed zero.
      return (wall.ciLow() == 0 ? "0" : Units.millis(wall.ciLow())) + "–" + Units.millis(wall.ciHigh());
    }
    return "±" + Units.millis(above);
  }

  private static String lostUpdates(Result r) {
    CounterSummary counter = r.outcome().counter();
    if (counter == null) {
      return "";
    }
    return Units.format("%d in %d/%d runs", counter.lost(), counter.runsWithLoss(), r.timing().runs());
  }

  private static String layOut(List<Column> columns, List<Result> results) {
    List<String[]> rows = new ArrayList<>();
    rows.add(columns.stream().map(Column::header).toArray(String[]::new));
    for (Result result : results) {
      rows.add(columns.stream().map(c -> c.cell().apply(result)).toArray(String[]::new));
    }
    int[] leftAligned = java.util.stream.IntStream.range(0, columns.size())
        .filter(c -> !columns.get(c).rightAligned())
        .toArray();
    return TextTable.render(rows, leftAligned);
  }
}
