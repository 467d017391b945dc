package io.concbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rate run's figures ({@code rate} in JSON, absent for closed runs): what was offered and achieved, and the
 * latencies measured from each task's intended release, so that a stall delays every task due during it
 * (docs/measurement.md, "Load at a rate").
 *
 * @param arrival {@code constant} or {@code poisson}
 * @param seed the Poisson schedule's seed; null for a constant one
 * @param maxQueue {@code --max-queue}; null when unbounded
 * @param offeredPerS the rate asked for, tasks per second
 * @param achievedPerS completed tasks per second of wall time, median over runs
 * @param droppedTasks tasks dropped over all measured runs because the queue was full
 * @param latencyUs intended release to end
 * @param queueUs intended release to start
 * @param serviceUs start to end
 * @param releaseLatenessUs how late the generator made tasks eligible against the schedule
 * @param knee the knee of the latency curve this result is a point of ({@code matrix --rate}); null otherwise
 */
public record RateSummary(
    String arrival,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long seed,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxQueue,
    double offeredPerS,
    double achievedPerS,
    long droppedTasks,
    Percentiles latencyUs,
    Percentiles queueUs,
    Percentiles serviceUs,
    Percentiles releaseLatenessUs,
    @JsonInclude(JsonInclude.Include.NON_NULL) Knee knee) {

  /** A result of {@code run --rate}: no knee, which takes several rates. */
  public RateSummary(String arrival, Long seed, Integer maxQueue, double offeredPerS, double achievedPerS,
      long droppedTasks, Percentiles latencyUs, Percentiles queueUs, Percentiles serviceUs,
      Percentiles releaseLatenessUs) {
    this(arrival, seed, maxQueue, offeredPerS, achievedPerS, droppedTasks, latencyUs, queueUs, serviceUs,
        releaseLatenessUs, null);
  }

  /** The same figures with the knee of their curve. */
  public RateSummary withKnee(Knee curveKnee) {
    return new RateSummary(arrival, seed, maxQueue, offeredPerS, achievedPerS, droppedTasks, latencyUs, queueUs,
        serviceUs, releaseLatenessUs, curveKnee);
  }

  /** One distribution in microseconds; all 0 with no values. */
  public record Percentiles(double p50, double p90, double p99, double p999, double max, long count) {}

  /**
   * Where an executor's latency curve bends: the highest offered rate, going up from the lowest, at which p99
   * latency stayed within {@code factor} times the service time (docs/measurement.md, "The knee").
   *
   * @param factor {@code --knee-factor}
   * @param serviceUs the service time: the median service time at the lowest offered rate
   * @param kneePerS the knee's offered rate; null if already the lowest rate was beyond the factor
   * @param beyondHighest true if every rate measured stayed within it: the knee lies beyond the highest
   */
  public record Knee(double factor, double serviceUs, @JsonInclude(JsonInclude.Include.NON_NULL) Double kneePerS,
      boolean beyondHighest) {}
}
