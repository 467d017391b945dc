package io.concbench.engine;

import io.concbench.result.RateSummary;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;

/** A rate run's summary from its measured runs: the histograms of every run merged, the rates per run. */
final class RateFigures {

  private static final double NANOS_PER_US = 1e3;

  private RateFigures() {}

  /** Null for a closed run. */
  static RateSummary of(RateLoad rate, List<RunSample> runs) {
    if (rate == null) {
      return null;
    }
    Histogram latency = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
    Histogram queue = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
    Histogram service = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
    Histogram lateness = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
    long dropped = 0;
    double[] achieved = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      RunSample run = runs.get(i);
      RateSample sample = run.rate();
      if (sample != null) {
        latency.add(sample.latencyNanos());
        queue.add(sample.queueNanos());
        service.add(sample.serviceNanos());
        lateness.add(sample.latenessNanos());
        dropped += sample.droppedTasks();
      }
      achieved[i] = run.wallNanos() > 0 ? run.completedTasks() * 1e9 / run.wallNanos() : 0;
    }
    return new RateSummary(rate.arrival().label(), rate.arrival() == Arrival.POISSON ? rate.seed() : null,
        rate.maxQueue() > 0 ? rate.maxQueue() : null, rate.perSecond(), median(achieved), dropped,
        percentiles(latency), percentiles(queue), percentiles(service), percentiles(lateness));
  }

  private static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  static RateSummary.Percentiles percentiles(Histogram nanos) {
    if (nanos.getTotalCount() == 0) {
      return new RateSummary.Percentiles(0, 0, 0, 0, 0, 0);
    }
    return new RateSummary.Percentiles(
        nanos.getValueAtPercentile(50) / NANOS_PER_US,
        nanos.getValueAtPercentile(90) / NANOS_PER_US,
        nanos.getValueAtPercentile(99) / NANOS_PER_US,
        nanos.getValueAtPercentile(99.9) / NANOS_PER_US,
        nanos.getMaxValue() / NANOS_PER_US,
        nanos.getTotalCount());
  }
}
