package io.concbench.report;

import io.concbench.result.Params;
import io.concbench.result.RateSummary;
import io.concbench.result.Result;
import io.concbench.stats.RateKnees;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The latency curves of a {@code matrix --rate} as reports draw them: the results that carry a knee, grouped
 * by everything but the rate, each curve's points in ascending offered rate.
 */
final class RateCurves {

  /** One curve: a label (workload, executor and what tells it apart), its knee and its points. */
  record Curve(String label, RateSummary.Knee knee, List<RateSummary> points) {}

  private RateCurves() {}

  static List<Curve> of(List<Result> results) {
    List<Curve> curves = new ArrayList<>();
    grouped(results).values().forEach(members -> {
      Result first = members.get(0);
      List<RateSummary> points = members.stream().map(Result::rate)
          .sorted(Comparator.comparingDouble(RateSummary::offeredPerS)).toList();
      curves.add(new Curve(label(first.benchmarkCase(), results), first.rate().knee(), points));
    });
    return curves;
  }

  /** Each curve's executor, in the order of {@link #of}. */
  static List<String> executors(List<Result> results) {
    return grouped(results).values().stream().map(m -> m.get(0).benchmarkCase().executor()).toList();
  }

  private static Map<RateKnees.Curve, List<Result>> grouped(List<Result> results) {
    Map<RateKnees.Curve, List<Result>> byCurve = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.rate() != null && r.rate().knee() != null) {
        byCurve.computeIfAbsent(RateKnees.Curve.of(r.benchmarkCase()), k -> new ArrayList<>()).add(r);
      }
    }
    return byCurve;
  }

  /**
   * "io on thread-pool, 10 workers" ("io on virtual, a worker per task"): with the guard, chunksize and
   * parameters where curves differ in them.
   */
  private static String label(Result.Case c, List<Result> all) {
    StringBuilder label = new StringBuilder(c.workload()).append(" on ").append(c.executor()).append(", ");
    if (RateKnees.Curve.of(c).workerPerTask()) {
      label.append("a worker per task");
    } else {
      label.append(c.workers()).append(c.workers() == 1 ? " worker" : " workers");
    }
    if (c.guard() != null) {
      label.append(", guard ").append(c.guard());
    }
    if (c.chunksize() != null) {
      label.append(", chunksize ").append(c.chunksize());
    }
    if (c.params() != null) {
      c.params().forEach((name, value) -> {
        boolean differs = all.stream().map(r -> r.benchmarkCase().params())
            .anyMatch(p -> p != null && !Objects.equals(p.get(name), value));
        if (differs) {
          label.append(", ").append(name).append('=').append(Params.text(value));
        }
      });
    }
    return label.toString();
  }

  /** The knee as a line says it: "100/s", "beyond 200/s (the highest measured)", "below 50/s (the lowest)". */
  static String kneeText(Curve curve) {
    RateSummary.Knee knee = curve.knee();
    if (knee.kneePerS() == null) {
      return "below " + Units.rate(curve.points().get(0).offeredPerS()) + "/s (the lowest rate measured)";
    }
    if (knee.beyondHighest()) {
      return "beyond " + Units.rate(knee.kneePerS()) + "/s (the highest rate measured)";
    }
    return Units.rate(knee.kneePerS()) + "/s";
  }

  /** The lines the table prints under its rows; empty without curves. */
  static String table(List<Result> results) {
    List<Curve> curves = of(results);
    if (curves.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("\nknee: the highest offered rate up to which p99 latency stayed within ")
        .append(Params.text(curves.get(0).knee().factor()))
        .append("x the service time (its median at the lowest rate)\n");
    for (Curve curve : curves) {
      text.append("  ").append(curve.label()).append(": ").append(kneeText(curve)).append(" (service ")
          .append(Units.micros(curve.knee().serviceUs())).append(")\n");
    }
    return text.toString();
  }
}
