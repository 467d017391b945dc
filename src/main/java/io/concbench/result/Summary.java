package io.concbench.result;

import java.util.List;

/**
 * A figure measured once per run, summarised across the measured runs. {@code ciLow}/{@code ciHigh} bound
 * the mean at 99.9 % confidence (Student t); null with fewer than two runs.
 */
public record Summary(
    double mean,
    double median,
    double stddev,
    double min,
    double max,
    Double ciLow,
    Double ciHigh,
    List<Double> samples) {}
