package io.concbench.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Compares two sets of per-run samples of one metric.
 *
 * <p>The ratio current/baseline is the Hodges–Lehmann estimate on the log scale: the median of all pairwise
 * log ratios, exponentiated. Its confidence interval is the distribution-free one that goes with the
 * Mann–Whitney test (Moses' method: order statistics of the pairwise differences). Both are robust to the
 * odd outlier run that a mean-based t-test would chase. The test and the interval's rank use the exact
 * distribution for the few runs a gate usually has ({@link RankSumTest}).
 *
 * @param ratio current / baseline (1.0 = no change)
 * @param pValue two-sided Mann–Whitney U p-value (exact up to 60 runs together), or null with too few samples
 */
public record SampleComparison(
    int baselineSamples,
    int currentSamples,
    double baselineMedian,
    double currentMedian,
    double ratio,
    double ratioCiLow,
    double ratioCiHigh,
    Double pValue,
    Verdict verdict) {

  public SampleComparison withVerdict(Verdict newVerdict) {
    return new SampleComparison(baselineSamples, currentSamples, baselineMedian, currentMedian, ratio, ratioCiLow,
        ratioCiHigh, pValue, newVerdict);
  }

  /**
   * @param lowerIsBetter true for times, false for throughput
   */
  public static SampleComparison of(
      List<Double> baseline, List<Double> current, boolean lowerIsBetter, ComparisonRule rule) {
    double[] x = positive(baseline);
    double[] y = positive(current);
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("no positive samples to compare");
    }
    double[] logRatios = new double[x.length * y.length];
    int k = 0;
    for (double b : x) {
      for (double c : y) {
        logRatios[k++] = Math.log(c) - Math.log(b);
      }
    }
    Arrays.sort(logRatios);
    double ratio = Math.exp(new Median().evaluate(logRatios));
    int lowerIndex = mosesRank(x.length, y.length, rule.confidence());
    double ciLow = Math.exp(logRatios[lowerIndex]);
    double ciHigh = Math.exp(logRatios[logRatios.length - 1 - lowerIndex]);

    double baselineMedian = new Median().evaluate(x);
    double currentMedian = new Median().evaluate(y);
    if (Math.min(x.length, y.length) < rule.minSamples()) {
      return new SampleComparison(x.length, y.length, baselineMedian, currentMedian, ratio, ciLow, ciHigh, null,
          Verdict.TOO_FEW_SAMPLES);
    }
    double p = Arrays.equals(sorted(x), sorted(y)) ? 1.0 : RankSumTest.pValue(x, y);
    double badness = lowerIsBetter ? ratio : 1 / ratio;
    Verdict verdict = Verdict.NO_CHANGE;
    if (p < rule.alpha() && badness > 1 + rule.threshold()) {
      verdict = Verdict.REGRESSED;
    } else if (p < rule.alpha() && badness < 1 / (1 + rule.threshold())) {
      verdict = Verdict.IMPROVED;
    }
    return new SampleComparison(x.length, y.length, baselineMedian, currentMedian, ratio, ciLow, ciHigh, p,
        verdict);
  }

  /** The 0-based index of the interval's lower bound among the m·n sorted pairwise differences. */
  static int mosesRank(int m, int n, double confidence) {
    return RankSumTest.mosesRank(m, n, confidence);
  }

  private static double[] positive(List<Double> samples) {
    return samples.stream().filter(v -> v != null && v > 0).mapToDouble(Double::doubleValue).toArray();
  }

  private static double[] sorted(double[] values) {
    double[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }
}
