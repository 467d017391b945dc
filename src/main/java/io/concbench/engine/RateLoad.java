package io.concbench.engine;

/**
 * An open-loop run: tasks are released on a schedule, whatever the executor is doing, and each task's
 * latency runs from its intended release (docs/measurement.md, "Load at a rate").
 *
 * @param perSecond the offered rate, tasks per second, above 0
 * @param arrival how the releases are spaced
 * @param seed the seed of a Poisson schedule (recorded so a run can be repeated); unused for constant
 * @param maxQueue the most tasks that may wait past their release; beyond it the oldest waiting task is
 *     dropped and counted; 0 for no bound
 */
public record RateLoad(double perSecond, Arrival arrival, long seed, int maxQueue) {

  public RateLoad {
    if (!(perSecond > 0) || Double.isInfinite(perSecond)) {
      throw new IllegalArgumentException("rate must be above 0: " + perSecond);
    }
    if (maxQueue < 0) {
      throw new IllegalArgumentException("max queue must be 0 or more: " + maxQueue);
    }
  }

  /** Each task's release time in nanoseconds after the run's start. */
  long[] releaseOffsets(int tasks) {
    return arrival == Arrival.POISSON ? ReleaseSchedule.poisson(perSecond, tasks, seed)
        : ReleaseSchedule.constant(perSecond, tasks);
  }
}
