package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rank test against an independent implementation: SciPy 1.17.1. The constants below were produced once
 * with {@code python3 src/test/resources/io/concbench/stats/ranksum_reference.py}, whose heart is
 *
 * <pre>
 * from scipy import stats
 * # no ties, 60 runs or fewer together:
 * stats.mannwhitneyu(x, y, alternative="two-sided", method="exact").pvalue
 * # ties, 60 runs or fewer: the exact permutation distribution
 * stats.mannwhitneyu(x, y, alternative="two-sided", method=stats.PermutationMethod(n_resamples=np.inf)).pvalue
 * # more than 60 runs: normal, tie and continuity corrections
 * stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True).pvalue
 * </pre>
 *
 * and Moses' ranks by enumerating every split of the ranks 1 .. m + n in Python (itertools.combinations), the
 * largest k with P(U &lt; k) &le; (1 − confidence) / 2.
 */
class RankSumTestTest {

  /** Relative agreement: the figures are sums of the same counts in another order. */
  private static final double RELATIVE = 1e-9;

  static Stream<Arguments> scipy() {
    return Stream.of(
        // 8 runs against 8, wholly apart: exact 2 / C(16, 8). commons-math3 3.6.1 said 0.000778 (5.0x).
        Arguments.of("8 v 8 apart", new double[] {100, 101, 102, 103, 104, 105, 106, 107},
            new double[] {110, 111, 112, 113, 114, 115, 116, 117}, 0.0001554001554001554),
        Arguments.of("5 v 5 apart", new double[] {100, 101, 102, 103, 104},
            new double[] {105, 106, 107, 108, 109}, 0.007936507936507936),
        Arguments.of("8 v 8 overlapping",
            new double[] {98.15, 104.97, 102.079, 96.909, 103.361, 92.75, 102.967, 97.191},
            new double[] {109.157, 108.195, 102.164, 108.642, 107.71, 102.769, 116.006, 110.01},
            0.004662004662004662),
        Arguments.of("10 v 10 overlapping",
            new double[] {94.09, 95.06, 101.584, 101.56, 96.366, 106.079, 100.485, 95.687, 98.127, 99.106},
            new double[] {96.233, 99.839, 94.95, 102.532, 107.063, 97.571, 105.61, 98.087, 103.182, 101.419},
            0.39304812834224606),
        Arguments.of("5 v 7", new double[] {93.939, 97.255, 93.873, 101.468, 100.231},
            new double[] {116.0, 102.684, 115.464, 109.606, 112.027, 109.058, 117.735}, 0.0025252525252525255),
        // CPU time in 10 ms ticks: ties, so the permutation distribution of the midrank sum.
        Arguments.of("ticks 8 v 8", new double[] {10, 10, 20, 20, 20, 10, 30, 20},
            new double[] {20, 30, 30, 20, 30, 40, 30, 30}, 0.015384615384615385),
        Arguments.of("ticks 5 v 6", new double[] {10, 10, 20, 10, 10}, new double[] {20, 20, 10, 30, 20, 20},
            0.11255411255411256),
        Arguments.of("40 v 40 normal", new double[] {106.93, 105.343, 101.297, 88.311, 102.782, 99.836, 99.33,
            102.173, 105.967, 101.336, 97.668, 96.111, 101.85, 105.493, 102.74, 102.289, 97.745, 93.821, 104.73,
            103.032, 90.862, 96.414, 105.007, 105.339, 96.796, 111.267, 107.009, 104.777, 99.362, 93.044, 104.053,
            108.893, 104.57, 94.611, 105.694, 96.675, 89.01, 101.601, 86.449, 100.565},
            new double[] {108.06, 108.192, 116.604, 106.349, 98.083, 106.078, 106.396, 100.087, 94.25, 101.132,
                99.528, 101.017, 102.061, 106.77, 105.978, 110.13, 100.374, 107.525, 94.279, 103.128, 95.075,
                98.578, 108.219, 98.243, 110.199, 111.584, 105.685, 101.503, 98.088, 98.815, 102.647, 98.042,
                102.544, 99.105, 106.073, 93.835, 105.414, 107.777, 97.982, 110.353},
            0.06537142028394627),
        Arguments.of("35 v 35 ticks normal", new double[] {120, 110, 90, 100, 80, 100, 90, 100, 90, 100, 110, 90,
            110, 100, 100, 100, 90, 90, 110, 110, 100, 110, 110, 110, 80, 100, 110, 100, 100, 100, 100, 100, 110,
            100, 100},
            new double[] {110, 120, 100, 110, 100, 90, 100, 110, 110, 100, 100, 90, 100, 120, 100, 100, 120, 110,
                110, 90, 110, 120, 100, 120, 110, 80, 120, 90, 110, 110, 100, 100, 100, 100, 100},
            0.10906099083306083));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scipy")
  void pValuesAreSciPys(String name, double[] x, double[] y, double expected) {
    assertThat(RankSumTest.pValue(x, y)).isCloseTo(expected, within(expected * RELATIVE));
    // Two-sided: which sample is which does not matter.
    assertThat(RankSumTest.pValue(y, x)).isCloseTo(expected, within(expected * RELATIVE));
  }

  @Test
  void identicalSamplesHaveAPValueOfOne() {
    double[] same = {3, 1, 2, 5, 4};
    assertThat(RankSumTest.pValue(same, same)).isEqualTo(1.0);
    assertThat(RankSumTest.pValue(new double[] {10, 10, 10}, new double[] {10, 10})).isEqualTo(1.0);
  }

  @Test
  void fiveRunsASideCanStillPassAlphaOnePercent() {
    // The least two-sided p of 5 against 5 is 2 / 252: five runs stay the fewest that can show a regression.
    double[] low = {1, 2, 3, 4, 5};
    double[] high = {6, 7, 8, 9, 10};
    assertThat(RankSumTest.pValue(low, high)).isCloseTo(2.0 / 252, within(1e-15)).isLessThan(0.01);
  }

  static Stream<Arguments> mosesRanks() {
    // m, n, confidence, the 1-based k from enumeration (index k - 1; 0 where k is 0).
    return Stream.of(
        Arguments.of(5, 5, 0.99, 1),
        Arguments.of(8, 8, 0.99, 8),
        Arguments.of(10, 10, 0.95, 24),
        Arguments.of(10, 10, 0.99, 17),
        Arguments.of(6, 9, 0.99, 6),
        Arguments.of(4, 4, 0.99, 0),
        Arguments.of(12, 12, 0.99, 28));
  }

  @ParameterizedTest(name = "{0} v {1} at {2}")
  @MethodSource("mosesRanks")
  void mosesRanksAreThoseOfTheEnumeratedDistribution(int m, int n, double confidence, int k) {
    assertThat(RankSumTest.mosesRank(m, n, confidence)).isEqualTo(Math.max(0, k - 1));
    assertThat(RankSumTest.mosesRank(n, m, confidence)).isEqualTo(Math.max(0, k - 1));
  }

  @Test
  void beyondTheExactLimitMosesRankIsTheNormalApproximation() {
    // m = n = 40, 99 %: 800 - 2.5758 * sqrt(1600 * 81 / 12) = 532.3 -> 532.
    assertThat(RankSumTest.mosesRank(40, 40, 0.99)).isEqualTo(532);
  }
}
