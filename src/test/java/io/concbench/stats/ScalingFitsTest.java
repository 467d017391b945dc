package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.result.Scaling.AmdahlFit;
import io.concbench.result.Scaling.ScalingPoint;
import io.concbench.result.Scaling.UslFit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class ScalingFitsTest {

  private static final int[] WORKERS = {1, 2, 4, 8, 16, 32};

  @Test
  void amdahlRecoversTheSerialFractionOfExactData() {
    AmdahlFit fit = ScalingFits.amdahl(points(n -> ScalingFits.amdahlSpeedup(n, 0.05), 0, 1));

    assertThat(fit.serialFraction()).isCloseTo(0.05, within(1e-6));
    assertThat(fit.maxSpeedup()).isCloseTo(20, within(1e-3));
    assertThat(fit.rSquared()).isCloseTo(1, within(1e-9));
    assertThat(fit.rmse()).isLessThan(1e-6);
  }

  @Test
  void uslRecoversContentionAndCoherencyOfExactDataAndItsPeak() {
    UslFit fit = ScalingFits.usl(points(n -> ScalingFits.uslSpeedup(n, 0.03, 0.002), 0, 1));

    assertThat(fit.sigma()).isCloseTo(0.03, within(1e-6));
    assertThat(fit.kappa()).isCloseTo(0.002, within(1e-7));
    assertThat(fit.peakWorkers()).isCloseTo(Math.sqrt(0.97 / 0.002), within(1e-3));
    assertThat(fit.peakSpeedup()).isCloseTo(ScalingFits.uslSpeedup(fit.peakWorkers(), 0.03, 0.002), within(1e-9));
  }

  @Test
  void uslRecoversItsParametersThroughNoise() {
    UslFit fit = ScalingFits.usl(points(n -> ScalingFits.uslSpeedup(n, 0.1, 0.01), 0.01, 42));

    assertThat(fit.sigma()).isCloseTo(0.1, within(0.02));
    assertThat(fit.kappa()).isCloseTo(0.01, within(0.002));
    assertThat(fit.rSquared()).isGreaterThan(0.95);
  }

  @Test
  void linearScalingFitsWithNoSerialPartAndNoPeak() {
    List<ScalingPoint> linear = points(n -> n, 0, 1);

    assertThat(ScalingFits.amdahl(linear).serialFraction()).isCloseTo(0, within(1e-9));
    assertThat(ScalingFits.amdahl(linear).maxSpeedup()).isNull();
    UslFit usl = ScalingFits.usl(linear);
    assertThat(usl.kappa()).isCloseTo(0, within(1e-9));
    assertThat(usl.peakWorkers()).isNull();
  }

  @Test
  void slowdownWithMoreWorkersClampsTheSerialFractionAtOne() {
    List<ScalingPoint> worse = List.of(point(1, 1), point(2, 0.8), point(4, 0.5));

    assertThat(ScalingFits.amdahl(worse).serialFraction()).isEqualTo(1.0);
    assertThat(ScalingFits.usl(worse).peakWorkers()).isLessThan(2);
  }

  @Test
  void aFullySerialCurveThatOnlyLosesPeaksAtOneWorker() {
    // The gil on CPU work: no gain, a little lost per worker. σ is clamped at 1, so (1 - σ) / κ is 0.
    UslFit fit = ScalingFits.usl(List.of(point(1, 1), point(2, 0.97), point(4, 0.97), point(8, 0.96)));

    assertThat(fit.sigma()).isEqualTo(1.0);
    assertThat(fit.peakWorkers()).isEqualTo(1.0);
    assertThat(fit.peakSpeedup()).isEqualTo(1.0);
  }

  @Test
  void tooFewWorkerCountsGiveNoFit() {
    assertThat(ScalingFits.amdahl(List.of(point(1, 1)))).isNull();
    assertThat(ScalingFits.usl(List.of(point(1, 1), point(2, 1.9)))).isNull();
    assertThat(ScalingFits.usl(List.of(point(2, 1.9), point(4, 3.5)))).isNotNull();
  }

  @Test
  void identicalSpeedupsHaveNoRSquared() {
    assertThat(ScalingFits.amdahl(List.of(point(2, 1), point(4, 1))).rSquared()).isNull();
  }

  private static List<ScalingPoint> points(IntToDoubleFunction law, double relativeNoise, long seed) {
    Random random = new Random(seed);
    List<ScalingPoint> points = new ArrayList<>();
    for (int n : WORKERS) {
      points.add(point(n, law.applyAsDouble(n) * (1 + relativeNoise * random.nextGaussian())));
    }
    return points;
  }

  private static ScalingPoint point(int workers, double speedup) {
    return new ScalingPoint(workers, 100 / speedup, speedup);
  }

  /**
   * Both fits against SciPy 1.17.1's bounded least squares, from {@code python3
   * src/test/resources/io/concbench/stats/fits_reference.py}: {@code optimize.curve_fit(law, workers,
   * speedups, bounds=...)} with s in [0, 1], sigma in [0, 1], kappa at least 0, tolerances 1e-15.
   */
  @Test
  void fitsAreSciPysOnMeasuredLookingSpeedups() {
    double[] speedups = {1.0, 1.86, 3.2, 4.9, 6.1, 6.3};
    List<ScalingPoint> points = new ArrayList<>();
    for (int i = 0; i < WORKERS.length; i++) {
      points.add(point(WORKERS[i], speedups[i]));
    }

    assertThat(ScalingFits.amdahl(points).serialFraction()).isCloseTo(0.11958661111398448, within(1e-7));
    UslFit usl = ScalingFits.usl(points);
    assertThat(usl.sigma()).isCloseTo(0.08050486170236426, within(1e-6));
    assertThat(usl.kappa()).isCloseTo(0.0016140623532477103, within(1e-7));
  }
}
