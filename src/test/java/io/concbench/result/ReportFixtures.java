package io.concbench.result;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
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
   * The result with one component replaced, named as in the record ({@code "backgroundLoad"}): tests change
   * one field of a fixture without copying all the others by hand.
   */
  public static Result with(Result r, String component, Object value) {
    RecordComponent[] components = Result.class.getRecordComponents();
    Object[] values = new Object[components.length];
    boolean found = false;
    try {
      for (int i = 0; i < components.length; i++) {
        found |= components[i].getName().equals(component);
        values[i] = components[i].getName().equals(component) ? value : components[i].getAccessor().invoke(r);
      }
      if (!found) {
        throw new IllegalArgumentException("Result has no component " + component);
      }
      Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
      return Result.class.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  public static Result result(String executor, int workers, Double speedup, CounterSummary counter, String guard) {
    return new Result("cpu", executor, workers, 16, Map.of("n", 1000L), guard, null, 3, 1,
        summary(400.5, 410.25, 420), summary(800, 820, 840), summary(790, 810, 830), summary(10, 10, 10),
        new LatencySummary(50.5, 49.9, 60.1, 75.3, 80, 48, List.of(70.0, 75.3, 80.0)), 39.0, 1.99,
        speedup == null ? null : "single", speedup, speedup == null ? null : speedup / workers, counter, 0, 0,
        null, List.of("a warning"), null, null, null, null, null, null, 0, List.of(), null, null, null,
        summary(60, 61, 62), null, null, null, null, null, null);
  }

  /**
   * A result of a sweep: the given identity and wall time samples (median = the middle one), no baseline.
   *
   * @param chunksize null where it does not apply
   */
  public static Result sweep(String workload, String executor, int workers, Map<String, ?> params,
      String guard, Integer chunksize, double... wall) {
    return new Result(workload, executor, workers, 16, Params.normalize(params), guard, chunksize, wall.length, 1, summary(wall),
        null, null, null, new LatencySummary(50, 50, 50, 50, 50, 16L * wall.length, List.of()), 39.0, 1.0, null,
        null, null, null, 0, 0, null, List.of(), null, null, null, null, null, null, 0, List.of(), null, null, null,
        null, null, null, null, null, null, null);
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
