package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class SampleComparisonTest {

  private static final List<Double> BASE = List.of(100.0, 102.0, 98.0, 101.0, 99.0, 103.0, 97.0, 100.5);

  @Test
  void identicalSamplesShowNoChangeAndARatioOfExactlyOne() {
    SampleComparison c = SampleComparison.of(BASE, BASE, true, ComparisonRule.DEFAULT);

    assertThat(c.verdict()).isEqualTo(Verdict.NO_CHANGE);
    assertThat(c.ratio()).isEqualTo(1.0);
    assertThat(c.pValue()).isEqualTo(1.0);
    assertThat(c.ratioCiLow()).isLessThan(1.0);
    assertThat(c.ratioCiHigh()).isGreaterThan(1.0);
  }

  @Test
  void aTwentyPercentSlowdownIsARegressionWithItsRatioInsideTheInterval() {
    SampleComparison c = SampleComparison.of(BASE, scaled(BASE, 1.2), true, ComparisonRule.DEFAULT);

    assertThat(c.verdict()).isEqualTo(Verdict.REGRESSED);
    assertThat(c.ratio()).isCloseTo(1.2, within(1e-9));
    assertThat(c.ratioCiLow()).isGreaterThan(1.05).isLessThanOrEqualTo(1.2);
    assertThat(c.ratioCiHigh()).isGreaterThanOrEqualTo(1.2);
    assertThat(c.pValue()).isLessThan(0.01);
  }

  @Test
  void aTwentyPercentSpeedUpIsAnImprovement() {
    SampleComparison c = SampleComparison.of(BASE, scaled(BASE, 0.8), true, ComparisonRule.DEFAULT);

    assertThat(c.verdict()).isEqualTo(Verdict.IMPROVED);
  }

  @Test
  void forThroughputHigherIsBetter() {
    assertThat(SampleComparison.of(BASE, scaled(BASE, 0.8), false, ComparisonRule.DEFAULT).verdict())
        .isEqualTo(Verdict.REGRESSED);
    assertThat(SampleComparison.of(BASE, scaled(BASE, 1.2), false, ComparisonRule.DEFAULT).verdict())
        .isEqualTo(Verdict.IMPROVED);
  }

  @Test
  void aSignificantChangeSmallerThanTheThresholdIsNoChange() {
    // Every current sample is 2 % above every baseline sample: significant, but below the 5 % threshold.
    List<Double> tight = List.of(100.0, 100.1, 100.2, 100.3, 100.4, 100.5);
    SampleComparison c = SampleComparison.of(tight, scaled(tight, 1.02), true, ComparisonRule.DEFAULT);

    assertThat(c.pValue()).isLessThan(0.01);
    assertThat(c.verdict()).isEqualTo(Verdict.NO_CHANGE);
  }

  @Test
  void noisySamplesWithoutAShiftAreNoChange() {
    Random random = new Random(42);
    int falseAlarms = 0;
    for (int trial = 0; trial < 200; trial++) {
      List<Double> a = noisy(random, 10);
      List<Double> b = noisy(random, 10);
      if (SampleComparison.of(a, b, true, ComparisonRule.DEFAULT).verdict() != Verdict.NO_CHANGE) {
        falseAlarms++;
      }
    }
    // Same distribution, alpha 0.01 and a 5 % minimum effect: false alarms must be rare (expected ~1 %).
    assertThat(falseAlarms).isLessThanOrEqualTo(6);
  }

  @Test
  void withTooFewRunsThereIsNoVerdictHoweverLargeTheChange() {
    List<Double> three = List.of(100.0, 101.0, 99.0);
    SampleComparison c = SampleComparison.of(three, scaled(three, 2.0), true, ComparisonRule.DEFAULT);

    assertThat(c.verdict()).isEqualTo(Verdict.TOO_FEW_SAMPLES);
    assertThat(c.pValue()).isNull();
    assertThat(c.ratio()).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void mosesRankIsTheExactOneForFewRuns() {
    // m = n = 5, 99 %: P(U < 1) = 1/252 is within 0.005, P(U < 2) is not: the first difference.
    assertThat(SampleComparison.mosesRank(5, 5, 0.99)).isZero();
    // m = n = 10, 95 %: P(U < 24) = 0.0216, P(U < 25) = 0.0262 (the normal approximation said index 24).
    assertThat(SampleComparison.mosesRank(10, 10, 0.95)).isEqualTo(23);
    assertThat(SampleComparison.mosesRank(1, 1, 0.99)).isZero();
  }

  private static List<Double> scaled(List<Double> samples, double factor) {
    return samples.stream().map(v -> v * factor).toList();
  }

  private static List<Double> noisy(Random random, int n) {
    return DoubleStream.generate(() -> 100 * (1 + 0.1 * random.nextGaussian())).limit(n).boxed().toList();
  }
}
