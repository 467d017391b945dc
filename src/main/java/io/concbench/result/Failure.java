package io.concbench.result;

/**
 * One failed task of a process executor, as the report shows it.
 *
 * @param workerPid the worker's process id, or -1 if none was started
 * @param exitCode the worker's exit code if it died, else null
 * @param stderrTail the last lines the worker wrote to stderr, or null
 */
public record Failure(int task, String reason, long workerPid, Integer exitCode, boolean timedOut,
    String stderrTail) {}
