package io.concbench.stats;

import io.concbench.result.RateSummary;
import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knee of each latency curve of a {@code matrix --rate}: the results of one workload, parameters,
 * executor, workers, guard and chunksize at each offered rate. The knee is the highest offered rate, going up
 * from the lowest, up to which p99 latency stayed within {@code factor} times the service time, the median
 * service time at the lowest rate (where queueing is least). Computed from whatever results are finished.
 */
public final class RateKnees {

  /** --knee-factor's default: p99 within twice the service time. */
  public static final double DEFAULT_FACTOR = 2;

  private RateKnees() {}

  /**
   * What makes rate results points of one curve: all but the rate and the task count it sets. A worker per
   * task ({@code thread-per-task}, {@code virtual}: as many workers as tasks) is one curve however many
   * tasks each rate gives; a fixed worker count that happens to equal one rate's tasks splits its curve,
   * which the table and page then show as two.
   */
  public record Curve(String workload, String executor, int workers, boolean workerPerTask,
      Map<String, Object> params, String guard, Integer chunksize) {

    public static Curve of(Result.Case c) {
      boolean perTask = c.workers() == c.tasks();
      return new Curve(c.workload(), c.executor(), perTask ? 0 : c.workers(), perTask,
          c.params() == null ? Map.of() : c.params(), c.guard(), c.chunksize());
    }
  }

  /**
   * The results in the same order, each rate result of a curve of two or more rates carrying its curve's
   * knee; others as they were.
   */
  public static List<Result> attach(List<Result> results, double factor) {
    Map<Curve, List<Result>> byCurve = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.rate() != null) {
        byCurve.computeIfAbsent(Curve.of(r.benchmarkCase()), c -> new ArrayList<>()).add(r);
      }
    }
    Map<Curve, RateSummary.Knee> knees = new LinkedHashMap<>();
    byCurve.forEach((curve, members) -> {
      if (members.stream().mapToDouble(r -> r.rate().offeredPerS()).distinct().count() >= 2) {
        knees.put(curve, knee(members, factor));
      }
    });
    List<Result> out = new ArrayList<>(results.size());
    for (Result r : results) {
      RateSummary.Knee knee = r.rate() == null ? null : knees.get(Curve.of(r.benchmarkCase()));
      out.add(knee == null ? r : r.withRate(r.rate().withKnee(knee)));
    }
    return out;
  }

  /** The knee of one curve's points (two or more rates). */
  static RateSummary.Knee knee(List<Result> points, double factor) {
    List<RateSummary> sorted = points.stream().map(Result::rate)
        .sorted(Comparator.comparingDouble(RateSummary::offeredPerS)).toList();
    double serviceUs = sorted.get(0).serviceUs().p50();
    Double knee = null;
    for (RateSummary point : sorted) {
      if (point.latencyUs().p99() > factor * serviceUs) {
        return new RateSummary.Knee(factor, serviceUs, knee, false);
      }
      knee = point.offeredPerS();
    }
    return new RateSummary.Knee(factor, serviceUs, knee, true);
  }
}
