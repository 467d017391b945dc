package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.report.JsonReport;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import io.concbench.result.SchemaValidation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingsTest {

  private static final Map<String, Object> N1 = Map.of("n", 1000L);
  private static final Map<String, Object> N2 = Map.of("n", 2000L);

  @Test
  void aSweepWithOneWorkerIsMeasuredAgainstItAndFitted() {
    List<Result> results = List.of(
        cpu("single", 1, N1, 810),
        cpu("thread-pool", 1, N1, 800), cpu("thread-pool", 2, N1, 400), cpu("thread-pool", 4, N1, 250),
        cpu("thread-pool", 8, N1, 320));

    List<Scaling> scalings = Scalings.of(results);

    assertThat(scalings).hasSize(1);
    Scaling s = scalings.get(0);
    assertThat(s.executor()).isEqualTo("thread-pool");
    assertThat(s.reference()).isEqualTo("workers=1");
    assertThat(s.referenceWallMs()).isEqualTo(800);
    assertThat(s.points()).extracting(Scaling.ScalingPoint::workers).containsExactly(1, 2, 4, 8);
    assertThat(s.points()).extracting(Scaling.ScalingPoint::speedup).containsExactly(1.0, 2.0, 3.2, 2.5);
    assertThat(s.points().get(2).wallMs()).isEqualTo(250);
    assertThat(s.amdahl()).isNotNull();
    // Slower at 8 than at 4 workers: the USL sees coherency, with its peak between them.
    assertThat(s.usl().kappa()).isPositive();
    assertThat(s.usl().peakWorkers()).isBetween(3.0, 8.0);
    assertThat(s.chunksize()).isNull();
  }

  @Test
  void withoutOneWorkerTheSingleBaselineOfTheSameParametersIsTheReference() {
    List<Result> results = List.of(
        cpu("single", 1, N1, 800), cpu("single", 1, N2, 1600),
        cpu("process-pool", 4, N1, 250), cpu("process-pool", 2, N1, 400),
        cpu("process-pool", 2, N2, 800), cpu("process-pool", 4, N2, 500));

    List<Scaling> scalings = Scalings.of(results);

    assertThat(scalings).extracting(Scaling::params).containsExactly(N1, N2);
    assertThat(scalings).allSatisfy(s -> {
      assertThat(s.reference()).isEqualTo("single");
      assertThat(s.points()).extracting(Scaling.ScalingPoint::workers).containsExactly(2, 4);
      assertThat(s.points()).extracting(Scaling.ScalingPoint::speedup).containsExactly(2.0, 3.2);
      assertThat(s.usl()).isNotNull();
    });
    assertThat(scalings.get(1).referenceWallMs()).isEqualTo(1600);
  }

  @Test
  void chunksizesAndGuardsAreCurvesOfTheirOwnAndTheBaselineKeepsItsGuard() {
    List<Result> results = List.of(
        ReportFixtures.sweep("tiny", "single", 1, Map.of(), null, null, 100),
        ReportFixtures.sweep("tiny", "process-pool", 2, Map.of(), null, 1, 80),
        ReportFixtures.sweep("tiny", "process-pool", 2, Map.of(), null, 10, 60),
        ReportFixtures.sweep("tiny", "process-pool", 4, Map.of(), null, 1, 90),
        ReportFixtures.sweep("tiny", "process-pool", 4, Map.of(), null, 10, 40),
        ReportFixtures.sweep("counter", "single", 1, Map.of(), "none", null, 10),
        ReportFixtures.sweep("counter", "single", 1, Map.of(), "atomic", null, 20),
        ReportFixtures.sweep("counter", "lock", 2, Map.of(), "none", null, 10),
        ReportFixtures.sweep("counter", "lock", 2, Map.of(), "atomic", null, 40),
        ReportFixtures.sweep("counter", "lock", 4, Map.of(), "none", null, 20),
        ReportFixtures.sweep("counter", "lock", 4, Map.of(), "atomic", null, 50));

    List<Scaling> scalings = Scalings.of(results);

    assertThat(scalings).extracting(s -> s.executor() + " " + s.chunksize() + " " + s.guard())
        .containsExactly("process-pool 1 null", "process-pool 10 null", "lock null none", "lock null atomic");
    assertThat(scalings.get(1).points()).extracting(Scaling.ScalingPoint::speedup).containsExactly(100 / 60.0,
        2.5);
    assertThat(scalings.get(3).referenceWallMs()).isEqualTo(20);
    assertThat(scalings.get(3).points().get(0).speedup()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void noCurveWithOneWorkerCountOrNothingToMeasureAgainst() {
    assertThat(Scalings.of(List.of(cpu("single", 1, N1, 800), cpu("thread-pool", 2, N1, 400),
        cpu("gil", 2, N1, 800), cpu("gil", 2, N1, 810)))).isEmpty();
    assertThat(Scalings.of(List.of(cpu("thread-pool", 2, N1, 400), cpu("thread-pool", 4, N1, 300)))).isEmpty();
    // Two points, one beyond one worker: Amdahl, but too few for the USL's two parameters.
    Scaling twoPoints = Scalings.of(List.of(cpu("gil", 1, N1, 800), cpu("gil", 2, N1, 800))).get(0);
    assertThat(twoPoints.amdahl()).isNotNull();
    assertThat(twoPoints.usl()).isNull();
  }

  @Test
  void aReportWithScalingIsValidAgainstTheSchema() {
    List<Result> results = List.of(cpu("single", 1, N1, 800), cpu("thread-pool", 2, N1, 400),
        cpu("thread-pool", 4, N1, 300), ReportFixtures.sweep("tiny", "single", 1, Map.of(), null, null, 100),
        ReportFixtures.sweep("tiny", "process-pool", 2, Map.of(), null, 10, 60),
        ReportFixtures.sweep("tiny", "process-pool", 4, Map.of(), null, 10, 40));
    Report report = new Report(Report.SCHEMA, true, List.of("concbench", "matrix"), ReportFixtures.environment(),
        results, Scalings.of(results));

    assertThat(report.scaling()).hasSize(2);
    SchemaValidation.assertValid(JsonReport.render(report));
  }

  private static Result cpu(String executor, int workers, Map<String, Object> params, double wallMs) {
    return ReportFixtures.sweep("cpu", executor, workers, params, null, null, wallMs * 0.99, wallMs,
        wallMs * 1.02);
  }
}
