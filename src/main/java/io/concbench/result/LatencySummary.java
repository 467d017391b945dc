package io.concbench.result;

/** Per-task latency in microseconds, over every task of every measured run. */
public record LatencySummary(double mean, double p50, double p90, double p99, double max, long count) {}
