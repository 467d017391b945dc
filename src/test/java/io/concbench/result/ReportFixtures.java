package io.concbench.result;

import java.util.List;
import java.util.Map;

/** Small, complete reports for tests. */
public final class ReportFixtures {

  private ReportFixtures() {}

  public static Summary summary(double... samples) {
    return io.concbench.stats.Summaries.of(samples);
  }

  public static Environment environment() {
    return new Environment("0.0.0-test", "17.0.15", "Debian", "OpenJDK 64-Bit Server VM 17.0.15",
        "OpenJDK 64-Bit Server VM", "17.0.15", "/usr/lib/jvm/java-17", List.of(),
        "Linux", "6.1", "amd64", "Test CPU", 2, 1024, "2026-11-25T06:00:00.000Z",
        new io.concbench.system.MachineFacts("0-1", "0-1", null, List.of(0.5, 0.4, 0.3), false, null, null,
            List.of("turbo: neither intel_pstate/no_turbo nor cpufreq/boost")));
  }

  /**
   * A {@code cpu} result of three runs, about 410 ms each, with a warning; against the {@code single}
   * baseline where a speedup is given.
   *
   * @param counter the shared counter's tally, or null; {@code guard} its guard
   */
  public static Result result(String executor, int workers, Double speedup, CounterSummary counter, String guard) {
    return builder(executor, workers, speedup).counter(counter).guard(guard).build();
  }

  /** The same as a builder, to set what else a test needs. */
  public static ResultBuilder builder(String executor, int workers, Double speedup) {
    ResultBuilder b = ResultBuilder.result().executor(executor).workers(workers).warnings("a warning");
    return speedup == null ? b : b.speedup("single", speedup);
  }

  /**
   * A result of a sweep: the given identity and wall time samples (median = the middle one), no baseline.
   *
   * @param chunksize null where it does not apply
   */
  public static Result sweep(String workload, String executor, int workers, Map<String, ?> params,
      String guard, Integer chunksize, double... wall) {
    return ResultBuilder.result().benchmarkCase(workload, executor, workers).params(params).guard(guard)
        .chunksize(chunksize)
        .timing(new Result.Timing(wall.length, 1, summary(wall), null, null, null,
            new LatencySummary(50, 50, 50, 50, 50, 16L * wall.length, List.of()), 39.0, 1.0))
        .memory(Result.Memory.UNKNOWN)
        .build();
  }

  /** A fitted sweep of thread-pool over 1, 2 and 4 workers (one fit with nulls, as κ = 0 gives). */
  public static Scaling scaling() {
    List<Scaling.ScalingPoint> points = List.of(new Scaling.ScalingPoint(1, 400, 1),
        new Scaling.ScalingPoint(2, 210, 1.905), new Scaling.ScalingPoint(4, 205, 1.951));
    return new Scaling("cpu", "thread-pool", Map.of("n", 1000L), null, null, "workers=1", 400, points,
        io.concbench.stats.ScalingFits.amdahl(points), new Scaling.UslFit(0.5, 0, null, null, null, 0.1));
  }

  public static Report report(boolean complete, Result... results) {
    return new Report(Report.SCHEMA, complete, List.of("concbench", "run"), environment(), List.of(results));
  }
}
