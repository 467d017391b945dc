package io.concbench.executor;

/**
 * Why one task failed, with what is known of the process that ran it.
 *
 * @param workerPid the worker's process id, or -1 for in-process executors
 * @param exitCode the worker's exit code if it died, else null
 * @param timedOut true if the task ran over --task-timeout
 * @param stderrTail the last lines the worker wrote to stderr, or null
 */
public record TaskFailure(int task, String reason, long workerPid, Integer exitCode, boolean timedOut,
    String stderrTail) {}
