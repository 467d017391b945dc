package io.concbench.warning;

/**
 * What the rules need to know beyond the result itself: the machine, what was asked for, and what only the
 * run knew.
 *
 * @param processors the processors the JVM may use
 * @param requestedRuns the measured runs asked for: a result of fewer was interrupted
 * @param parallel whether {@code --workers} sets the executor's thread (or process) count
 * @param baselineTaskP50Us the baseline's median task time in microseconds; 0 without a baseline, or where
 *     it timed no task
 */
public record WarningContext(int processors, int requestedRuns, boolean parallel, double baselineTaskP50Us) {}
