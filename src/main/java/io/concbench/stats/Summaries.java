package io.concbench.stats;

import io.concbench.result.MedianInterval;
import io.concbench.result.Summary;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Summarises per-run samples: location, spread, and a confidence interval of the mean (from
 * {@value #MIN_RUNS_FOR_INTERVAL} runs on).
 */
public final class Summaries {

  /** Two-sided confidence of the interval around the mean. */
  public static final double CONFIDENCE = 0.999;

  /**
   * Fewest runs for an interval of the mean. At 99.9 % Student's t is 636.6 with 2 runs, 31.6 with 3, 12.9
   * with 4 and 8.6 with 5: below 5 the interval reads as "112 ms ±4.79 s", wider than anything the runs
   * could mean, and says nothing but "too few runs", which the report says in words instead.
   */
  public static final int MIN_RUNS_FOR_INTERVAL = 5;

  /** Confidence asked of a median's interval ({@link #medianInterval}). */
  public static final double MEDIAN_CONFIDENCE = 0.95;

  private Summaries() {}

  public static Summary of(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double mean = StatUtils.mean(samples);
    double stddev = samples.length > 1 ? new StandardDeviation(true).evaluate(samples) : 0.0;
    Double ciLow = null;
    Double ciHigh = null;
    if (samples.length >= MIN_RUNS_FOR_INTERVAL) {
      double t = new TDistribution(samples.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
      double halfWidth = t * stddev / Math.sqrt(samples.length);
      // Times, memory and counts cannot be negative: their mean cannot either, whatever the t interval says.
      ciLow = StatUtils.min(samples) >= 0 ? Math.max(0, mean - halfWidth) : mean - halfWidth;
      ciHigh = mean + halfWidth;
    }
    return new Summary(mean, new Median().evaluate(samples), stddev, StatUtils.min(samples),
        StatUtils.max(samples), ciLow, ciHigh, Arrays.stream(samples).boxed().toList());
  }

  /**
   * The distribution-free interval for the median of {@code samples}: the order statistics [x(k), x(n-k+1)]
   * for the largest k whose coverage, P(k ≤ B ≤ n-k) for B ~ Binomial(n, 1/2), is at least
   * {@code confidence}; with too few samples for that, the range [x(1), x(n)] and its own, lower, coverage.
   * Made for figures whose noise is not normal (a round's efficiency against capacity has heavy tails on a
   * shared host). Null for fewer than 2 samples.
   */
  public static MedianInterval medianInterval(double[] samples, double confidence) {
    int n = samples.length;
    if (n < 2) {
      return null;
    }
    double[] sorted = samples.clone();
    Arrays.sort(sorted);
    BinomialDistribution count = new BinomialDistribution(null, n, 0.5);
    int k = 1;
    while (k + 1 <= n - k && coverage(count, n, k + 1) >= confidence) {
      k++;
    }
    return new MedianInterval(sorted[k - 1], sorted[n - k], coverage(count, n, k));
  }

  /** P(k ≤ B ≤ n - k): the chance that the median lies between the k-th smallest and k-th largest sample. */
  private static double coverage(BinomialDistribution count, int n, int k) {
    return 1 - 2 * count.cumulativeProbability(k - 1);
  }

  /** Median of the absolute deviations from the median, the robust spread outlier detection uses. */
  public static double medianAbsoluteDeviation(List<Double> samples) {
    double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
    double median = new Median().evaluate(values);
    double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
    return new Median().evaluate(deviations);
  }
}
