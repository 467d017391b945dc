package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.junit.jupiter.api.Test;

class SignedRankIntervalTest {

  /** R's ?wilcox.test example (Hollander & Wolfe): paired depression scores, V = 40, one-sided p = 0.01953. */
  @Test
  void thePValueIsRsOnItsOwnExample() {
    double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
    double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
    double[] d = new double[x.length];
    for (int i = 0; i < d.length; i++) {
      d[i] = x[i] - y[i];
    }
    // 10 of the 512 sign patterns have W- <= 5; two-sided twice that.
    assertThat(SignedRankInterval.pValue(d)).isCloseTo(20.0 / 512, within(1e-12));
  }

  @Test
  void theEstimateIsTheMedianOfTheWalshAverages() {
    // Walsh averages of 1, 2, 10: 1, 1.5, 2, 5.5, 6, 10; median (2 + 5.5) / 2.
    assertThat(SignedRankInterval.of(new double[] {1, 2, 10}, 0.99).estimate()).isEqualTo(3.75);
    assertThat(SignedRankInterval.walshAverages(new double[] {3, 1})).containsExactly(1, 2, 3);
  }

  @Test
  void theNullDistributionIsTheEnumerationOfEverySignPattern() {
    int[] ranks = {2, 3, 3, 8, 10, 12, 14}; // doubled ranks, with a tie
    double[] p = SignedRankInterval.distribution(ranks);
    double[] counted = new double[p.length];
    for (int mask = 0; mask < 1 << ranks.length; mask++) {
      int sum = 0;
      for (int i = 0; i < ranks.length; i++) {
        if ((mask & 1 << i) != 0) {
          sum += ranks[i];
        }
      }
      counted[sum] += 1.0 / (1 << ranks.length);
    }
    for (int s = 0; s < p.length; s++) {
      assertThat(p[s]).isCloseTo(counted[s], within(1e-15));
    }
  }

  @Test
  void thePValueAgreesWithCommonsMathsExactTest() {
    Random random = new Random(7);
    WilcoxonSignedRankTest reference = new WilcoxonSignedRankTest();
    for (int trial = 0; trial < 50; trial++) {
      int n = 5 + random.nextInt(15); // up to 19: the reference enumerates 2^n sign patterns
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = random.nextGaussian() + 0.3;
      }
      // commons-math3 doubles the one-sided tail without capping it: near W = n(n+1)/4 it says over 1.
      assertThat(SignedRankInterval.pValue(d))
          .isCloseTo(Math.min(1, reference.wilcoxonSignedRankTest(d, new double[n], true)), within(1e-12));
    }
  }

  /**
   * The interval is the set of shifts the test does not reject: just inside either end the exact two-sided test
   * of the shifted differences gives p >= 1 - confidence, just outside p < 1 - confidence (the inversion that
   * defines it; commons-math3's exact test is the independent judge).
   */
  @Test
  void theIntervalIsTheInversionOfTheExactTest() {
    Random random = new Random(11);
    WilcoxonSignedRankTest reference = new WilcoxonSignedRankTest();
    for (int trial = 0; trial < 40; trial++) {
      // Up to 19: commons-math3's exact test enumerates all 2^n sign patterns (n = 27 took minutes).
      int n = 8 + random.nextInt(12);
      double confidence = trial % 2 == 0 ? 0.99 : 0.95;
      double[] d = new double[n];
      for (int i = 0; i < n; i++) {
        d[i] = 0.05 * random.nextGaussian() + 0.02;
      }
      SignedRankInterval.Estimate e = SignedRankInterval.of(d, confidence);
      assertThat(e.bounded()).isTrue();
      double eps = 1e-9;
      assertThat(p(reference, d, e.low() - eps)).isLessThan(1 - confidence);
      assertThat(p(reference, d, e.low() + eps)).isGreaterThanOrEqualTo(1 - confidence);
      assertThat(p(reference, d, e.high() + eps)).isLessThan(1 - confidence);
      assertThat(p(reference, d, e.high() - eps)).isGreaterThanOrEqualTo(1 - confidence);
      assertThat(e.low()).isLessThanOrEqualTo(e.estimate());
      assertThat(e.estimate()).isLessThanOrEqualTo(e.high());
    }
  }

  @Test
  void eightDifferencesAreTheFewestThatGiveA99PercentInterval() {
    // P(W = 0) = 2^-n must be below 0.005: n = 8 (1/256) is the first.
    assertThat(SignedRankInterval.of(new double[] {1, 2, 3, 4, 5, 6, 7}, 0.99).bounded()).isFalse();
    SignedRankInterval.Estimate eight = SignedRankInterval.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 0.99);
    // k = 1: from the smallest to the largest Walsh average.
    assertThat(eight.low()).isEqualTo(1);
    assertThat(eight.high()).isEqualTo(8);
    assertThat(eight.pValue()).isCloseTo(2.0 / 256, within(1e-15));
  }

  @Test
  void manyDifferencesUseTheNormalApproximationAndStayClose() {
    int n = SignedRankInterval.EXACT_UP_TO + 1;
    // The critical order from the normal approximation against the exact one just below the limit.
    int exact = SignedRankInterval.criticalOrder(SignedRankInterval.EXACT_UP_TO, 0.005);
    int approx = SignedRankInterval.criticalOrder(n, 0.005);
    assertThat((double) approx).isCloseTo(exact, within(exact * 0.02 + 60));
    double[] d = new Random(3).doubles(n).map(v -> v - 0.5).toArray();
    SignedRankInterval.Estimate e = SignedRankInterval.of(d, 0.99);
    assertThat(e.low()).isLessThan(e.estimate());
    assertThat(e.pValue()).isBetween(0.0, 1.0);
    assertThat(Arrays.stream(d).min().getAsDouble()).isLessThan(e.low());
  }

  private static double p(WilcoxonSignedRankTest test, double[] d, double shift) {
    double[] shifted = Arrays.stream(d).map(v -> v - shift).toArray();
    return test.wilcoxonSignedRankTest(shifted, new double[d.length], true);
  }
}
