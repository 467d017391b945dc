package io.concbench.stats;

/**
 * When a difference counts: significant in a rank test at {@code alpha}, larger than {@code threshold}
 * (a fraction, 0.05 = 5 %), and backed by at least {@code minSamples} samples on each side. All three,
 * because CI gates that use only one of them are the ones that raise false alarms.
 */
public record ComparisonRule(double threshold, double alpha, int minSamples, double confidence) {

  public static final ComparisonRule DEFAULT = new ComparisonRule(0.05, 0.01, 5, 0.99);
}
