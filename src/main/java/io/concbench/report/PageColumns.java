package io.concbench.report;

import io.concbench.report.TableReport.Column;
import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The html page's results columns in two tables: what every result measured, and what only the process
 * executors cost (the largest worker's peak memory, the phases of their runs). In one table a process run
 * had some twenty columns, wider than a 1 200 px page; apart, each fits, and the second has only the rows of
 * the process executors. Both start with the columns that name the case, so a row is read without the other.
 */
final class PageColumns {

  /** The columns that only process executors (and commands) fill: TableReport adds them last but failures. */
  static final Set<String> PROCESS = Set.of("worker rss", "start-up", "pool start", "ipc/task", "compute/task",
      "exit", "shutdown");

  /** The first measuring column: those before it name the case. */
  private static final String FIRST_MEASURE = "wall median";

  private final List<Column> naming = new ArrayList<>();
  private final List<Column> measures = new ArrayList<>();
  private final List<Column> processCosts = new ArrayList<>();

  PageColumns(List<Column> columns) {
    boolean measuring = false;
    for (Column c : columns) {
      measuring |= c.header().equals(FIRST_MEASURE);
      if (!measuring) {
        naming.add(c);
      } else if (PROCESS.contains(c.header())) {
        processCosts.add(c);
      } else {
        measures.add(c);
      }
    }
  }

  /** The main table's columns: the case, then what every result measured. */
  List<Column> main() {
    List<Column> main = new ArrayList<>(naming);
    main.addAll(measures);
    return main;
  }

  /** The process table's columns: the case, then the process costs; empty when no result has any. */
  List<Column> process() {
    if (processCosts.isEmpty()) {
      return List.of();
    }
    List<Column> process = new ArrayList<>(naming);
    process.addAll(processCosts);
    return process;
  }

  /** The results that have a process cost: the process table's rows. */
  List<Result> processRows(List<Result> results) {
    return results.stream()
        .filter(r -> processCosts.stream().anyMatch(c -> !c.cell().apply(r).isEmpty()))
        .toList();
  }
}
