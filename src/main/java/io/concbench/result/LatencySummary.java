package io.concbench.result;

import java.util.List;

/**
 * Per-task latency in microseconds, over every task of every measured run; {@code p99PerRun} holds each
 * measured run's own p99, the samples a comparison tests.
 */
public record LatencySummary(
    double mean, double p50, double p90, double p99, double max, long count, List<Double> p99PerRun) {}
