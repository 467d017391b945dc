package io.concbench.stats;

import io.concbench.result.Result;
import io.concbench.result.Scaling;
import io.concbench.result.Scaling.ScalingPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The scaling curves in a set of results: one per workload, executor, parameters, guard and chunksize
 * measured at two or more worker counts, with Amdahl's law and the USL fitted to its speedups. Computed from
 * whatever results are finished, so a report rewritten during a {@code matrix} always has the curves its
 * results support.
 */
public final class Scalings {

  /** The reference when the sweep has no one-worker point: the single-thread baseline. */
  static final String SINGLE = "single";

  private Scalings() {}

  /** What makes results points of one curve; task counts are never swept, but must not be mixed. */
  private record Curve(String workload, String executor, int tasks, Map<String, Object> params, String guard,
      Integer chunksize) {

    static Curve of(Result.Case c) {
      return new Curve(c.workload(), c.executor(), c.tasks(), c.params() == null ? Map.of() : c.params(),
          c.guard(), c.chunksize());
    }
  }

  /** The curves in the order their first results appear. */
  public static List<Scaling> of(List<Result> results) {
    Map<Curve, List<Result>> byCurve = new LinkedHashMap<>();
    for (Result r : results) {
      if (r.rate() != null) {
        continue; // a rate run's wall time is the schedule's: no speedup to fit (its curve is a knee: RateKnees)
      }
      List<Result> curve = byCurve.computeIfAbsent(Curve.of(r.benchmarkCase()), c -> new ArrayList<>());
      if (curve.stream().noneMatch(other -> workers(other) == workers(r))) {
        curve.add(r);
      }
    }
    List<Scaling> scalings = new ArrayList<>();
    byCurve.forEach((curve, members) -> {
      if (members.size() >= 2) {
        fit(curve, members, results).ifPresent(scalings::add);
      }
    });
    return scalings;
  }

  private static Optional<Scaling> fit(Curve curve, List<Result> members, List<Result> all) {
    List<Result> sorted = members.stream().sorted(Comparator.comparingInt(Scalings::workers)).toList();
    String reference;
    Result referenceResult;
    if (workers(sorted.get(0)) == 1) {
      reference = "workers=1";
      referenceResult = sorted.get(0);
    } else {
      reference = SINGLE;
      referenceResult = singleBaseline(curve, all).orElse(null);
    }
    if (referenceResult == null || medianWall(referenceResult) <= 0
        || sorted.stream().anyMatch(r -> medianWall(r) <= 0)) {
      return Optional.empty(); // nothing to measure speedups against
    }
    double referenceWall = medianWall(referenceResult);
    List<ScalingPoint> points = sorted.stream()
        .map(r -> new ScalingPoint(workers(r), medianWall(r), referenceWall / medianWall(r)))
        .toList();
    return Optional.of(new Scaling(curve.workload(), curve.executor(), curve.params(), curve.guard(),
        curve.chunksize(), reference, referenceWall, points, ScalingFits.amdahl(points), ScalingFits.usl(points)));
  }

  /** The single-thread result of the same workload, parameters and tasks (same guard where it has one). */
  private static Optional<Result> singleBaseline(Curve curve, List<Result> all) {
    return all.stream()
        .filter(r -> {
          Result.Case c = r.benchmarkCase();
          return c.executor().equals(SINGLE) && c.workload().equals(curve.workload()) && c.tasks() == curve.tasks()
              && Objects.equals(c.params() == null ? Map.of() : c.params(), curve.params())
              && (c.guard() == null || c.guard().equals(curve.guard()));
        })
        .findFirst();
  }

  private static int workers(Result r) {
    return r.benchmarkCase().workers();
  }

  private static double medianWall(Result r) {
    return r.timing().wallMs().median();
  }
}
