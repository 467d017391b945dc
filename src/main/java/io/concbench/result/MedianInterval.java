package io.concbench.result;

/**
 * A distribution-free confidence interval for a median: {@code confidence} is the probability that the true
 * median lies between {@code low} and {@code high} (two order statistics of the samples), whatever their
 * distribution. With few samples it is the widest such interval, the samples' range, and its confidence is
 * lower than asked: 5 samples give 93.75 %.
 */
public record MedianInterval(double low, double high, double confidence) {}
