package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.RateSummary;
import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * CSV (RFC 4180): a {@code summary} row per result and a {@code sample} row per measured run, so a
 * spreadsheet can plot either. Every row has the same columns; those that do not apply are empty.
 */
final class CsvReport {

  static final List<String> COLUMNS = List.of("row_type", "workload", "executor", "workers", "tasks", "params",
      "guard", "run", "wall_ms", "cpu_ms", "latency_p99_us", "throughput_per_s", "wall_ms_mean",
      "wall_ms_stddev", "wall_ms_ci_low", "wall_ms_ci_high", "speedup", "efficiency", "lost_updates",
      "failed_tasks", "chunksize", "source", "offered_per_s", "achieved_per_s", "dropped_tasks",
      "rate_latency_p50_us", "rate_latency_p99_us");

  private CsvReport() {}

  static String render(Report report) {
    StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
    Map<Result, String> sources = TableReport.sources(report);
    for (Result r : report.results()) {
      String source = sources.getOrDefault(r, "");
      Result.Timing timing = r.timing();
      Summary wall = timing.wallMs();
      Summary cpu = timing.cpuMs();
      row(text, r, source, "summary", "", number(wall.median()), cpu == null ? "" : number(cpu.median()),
          number(timing.latencyUs().p99()), number(timing.throughputPerS()), number(wall.mean()),
          number(wall.stddev()), number(wall.ciLow()), number(wall.ciHigh()), number(r.comparison().speedup()),
          number(r.comparison().efficiency()),
          r.outcome().counter() == null ? "" : Long.toString(r.outcome().counter().lost()),
          Long.toString(r.outcome().badTasks()));
      List<Double> p99 = timing.latencyUs().p99PerRun() == null ? List.of() : timing.latencyUs().p99PerRun();
      for (int i = 0; i < wall.samples().size(); i++) {
        double ms = wall.samples().get(i);
        row(text, r, source, "sample", Integer.toString(i + 1), number(ms),
            cpu == null ? "" : number(cpu.samples().get(i)),
            i < p99.size() ? number(p99.get(i)) : "",
            number(ms > 0 ? r.benchmarkCase().tasks() * 1000.0 / ms : null),
            "", "", "", "", "", "", "", "");
      }
    }
    return text.toString();
  }

  /** A row; {@code source} is the file a result came from when several reports are shown as one. */
  private static void row(StringBuilder text, Result r, String source, String type, String run,
      String... figures) {
    Result.Case c = r.benchmarkCase();
    List<String> cells = new ArrayList<>(List.of(type, c.workload(), c.executor(),
        Integer.toString(c.workers()), Integer.toString(c.tasks()), params(c.params()),
        c.guard() == null ? "" : c.guard(), run));
    cells.addAll(List.of(figures));
    // Columns are only ever appended, so that scripts reading them by position keep working.
    cells.add(c.chunksize() == null ? "" : c.chunksize().toString());
    cells.add(source);
    cells.addAll(rateCells(r, type));
    text.append(cells.stream().map(CsvReport::quote).collect(Collectors.joining(","))).append("\r\n");
  }

  /**
   * A rate run's figures, on its summary row (empty otherwise): offered and achieved rate, dropped tasks,
   * latency from the intended release.
   */
  private static List<String> rateCells(Result r, String type) {
    RateSummary rate = r.rate();
    if (rate == null || !type.equals("summary")) {
      return List.of("", "", "", "", "");
    }
    return List.of(number(rate.offeredPerS()), number(rate.achievedPerS()), Long.toString(rate.droppedTasks()),
        number(rate.latencyUs().p50()), number(rate.latencyUs().p99()));
  }

  private static String params(Map<String, Object> params) {
    return params == null ? "" : params.entrySet().stream().map(e -> e.getKey() + "=" + Params.text(e.getValue()))
        .collect(Collectors.joining(";"));
  }

  private static String number(Double value) {
    return value == null ? "" : Double.toString(value);
  }

  /** Quotes a cell that holds a comma, a quote or a line break, doubling inner quotes. */
  static String quote(String cell) {
    if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
      return '"' + cell.replace("\"", "\"\"") + '"';
    }
    return cell;
  }
}
