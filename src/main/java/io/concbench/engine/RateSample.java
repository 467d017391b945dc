package io.concbench.engine;

import org.HdrHistogram.Histogram;

/**
 * What one rate run measured beyond a closed run: the three latency distributions and the generator's own
 * lateness, all in nanoseconds.
 *
 * @param latencyNanos each completed task's time from its intended release to its end
 * @param queueNanos from intended release to start: the wait behind other tasks
 * @param serviceNanos from start to end: the task's own time
 * @param latenessNanos how late a waiting task was made eligible against its schedule: the generator's own
 *     error, not the executor's (tasks already late when picked have none: their wait is queueing)
 * @param droppedTasks tasks dropped because --max-queue tasks were already waiting
 */
public record RateSample(Histogram latencyNanos, Histogram queueNanos, Histogram serviceNanos,
    Histogram latenessNanos, long droppedTasks) {}
