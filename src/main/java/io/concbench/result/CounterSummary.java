package io.concbench.result;

/**
 * The shared counter, summed over the measured runs: updates made ({@code expected}), what the counter
 * held ({@code actual}), their difference ({@code lost}) and in how many runs anything was lost.
 */
public record CounterSummary(long expected, long actual, long lost, int runsWithLoss) {}
