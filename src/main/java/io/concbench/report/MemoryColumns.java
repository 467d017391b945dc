package io.concbench.report;

import io.concbench.report.TableReport.Column;
import io.concbench.result.Result;
import io.concbench.result.Summary;
import java.util.List;
import java.util.function.Function;

/**
 * The table's peak-memory columns: concbench's own peak resident memory ({@code rss_peak_mb}) and the
 * largest worker's ({@code worker_rss_peak_mb}), each the median over the measured runs.
 *
 * <p>{@code peak rss} is shown when it tells results apart: when one result's peak is at least
 * {@link #MEANINGFUL_RATIO} times another's (10 000 platform threads against 10 000 virtual threads, a
 * pool of threads against a thread per task). Alike peaks are the JVM's own footprint, the same in every row,
 * and would only widen the table. A JVM's peak moves by a few MiB from run to run, far less than half of it,
 * so noise does not make the column come and go. {@code worker rss} is shown whenever a result has one
 * (process executors, commands), as the process phases are: it is the cost those executors add.
 */
final class MemoryColumns {

  /** How much larger one result's peak must be than another's for the column to say something. */
  static final double MEANINGFUL_RATIO = 1.5;

  private MemoryColumns() {}

  static void add(List<Column> columns, List<Result> results) {
    if (differMeaningfully(results.stream().map(r -> r.memory().rssPeakMb()).toList())) {
      columns.add(column("peak rss", r -> r.memory().rssPeakMb()));
    }
    if (results.stream().anyMatch(r -> r.memory().workerRssPeakMb() != null)) {
      columns.add(column("worker rss", r -> r.memory().workerRssPeakMb()));
    }
  }

  /** Whether the largest median peak is at least {@link #MEANINGFUL_RATIO} times the smallest. */
  static boolean differMeaningfully(List<Summary> peaks) {
    double[] medians = peaks.stream().filter(p -> p != null).mapToDouble(Summary::median).toArray();
    if (medians.length < 2) {
      return false;
    }
    double smallest = java.util.Arrays.stream(medians).min().orElseThrow();
    double largest = java.util.Arrays.stream(medians).max().orElseThrow();
    return largest >= smallest * MEANINGFUL_RATIO;
  }

  private static Column column(String header, Function<Result, Summary> peak) {
    return new Column(header, true, r -> peak.apply(r) == null ? "" : mebibytes(peak.apply(r).median()));
  }

  /** MiB with about three significant digits, GiB from 1 024 MiB on, so that a cell stays short. */
  static String mebibytes(double mib) {
    if (mib >= 1024) {
      double gib = mib / 1024;
      return Units.format(gib >= 9.995 ? "%.1f GiB" : "%.2f GiB", gib);
    }
    return Units.format(mib >= 99.5 ? "%.0f MiB" : mib >= 9.995 ? "%.1f MiB" : "%.2f MiB", mib);
  }
}
