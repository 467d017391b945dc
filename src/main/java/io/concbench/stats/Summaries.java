package io.concbench.stats;

import io.concbench.result.Summary;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/** Summarises per-run samples: location, spread, and a confidence interval of the mean. */
public final class Summaries {

  /** Two-sided confidence of the interval around the mean. */
  public static final double CONFIDENCE = 0.999;

  private Summaries() {}

  public static Summary of(double[] samples) {
    if (samples.length == 0) {
      throw new IllegalArgumentException("no samples");
    }
    double mean = StatUtils.mean(samples);
    double stddev = samples.length > 1 ? new StandardDeviation(true).evaluate(samples) : 0.0;
    Double ciLow = null;
    Double ciHigh = null;
    if (samples.length > 1) {
      double t = new TDistribution(samples.length - 1).inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
      double halfWidth = t * stddev / Math.sqrt(samples.length);
      ciLow = mean - halfWidth;
      ciHigh = mean + halfWidth;
    }
    return new Summary(mean, new Median().evaluate(samples), stddev, StatUtils.min(samples),
        StatUtils.max(samples), ciLow, ciHigh, Arrays.stream(samples).boxed().toList());
  }

  /** Median of the absolute deviations from the median, the robust spread outlier detection uses. */
  static double medianAbsoluteDeviation(List<Double> samples) {
    double[] values = samples.stream().mapToDouble(Double::doubleValue).toArray();
    double median = new Median().evaluate(values);
    double[] deviations = Arrays.stream(values).map(v -> Math.abs(v - median)).toArray();
    return new Median().evaluate(deviations);
  }
}
