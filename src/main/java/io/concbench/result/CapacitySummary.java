package io.concbench.result;

import java.util.List;

/**
 * The machine's parallel capacity for {@code k} workers, probed once per measured round of a result's group:
 * 2.0 = two full cores. {@code method} says how ("threads" or "processes").
 */
public record CapacitySummary(double median, double min, double max, List<Double> samples, String method, int k) {}
