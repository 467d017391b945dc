package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.result.CapacitySummary;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricTest {

  /** Wall samples 400.5, 410.25 and 420 ms (median 410.25), speedup 1.9, two workers, capacity per run. */
  private static ResultBuilder probed(double... capacity) {
    List<Double> samples = java.util.Arrays.stream(capacity).boxed().toList();
    return ReportFixtures.builder("thread-pool", 2, 1.9)
        .capacity(new CapacitySummary(samples.get(samples.size() / 2), 0, 0, samples, "threads", 2), null);
  }

  private static Result withBound(ResultBuilder r, double demand, double bound) {
    return r.bound(demand, bound, null).build();
  }

  @Test
  void efficiencyVsBoundSetsEachRunAgainstItsRoundsBoundForWorkThatWaits() {
    // Half a core per task: rounds' bounds min(2, 0.8 / 0.5) = 1.6, min(2, 1.9 / 0.5) = 2, 2.
    Result waiting = withBound(probed(0.8, 1.9, 2.0), 0.5, 2.0);

    List<Double> samples = Metric.EFFICIENCY_VS_BOUND.samples(waiting).orElseThrow();

    double baselineMedian = 1.9 * 410.25;
    assertThat(samples).hasSize(3);
    assertThat(samples.get(0)).isCloseTo(baselineMedian / 400.5 / 1.6, within(1e-12));
    assertThat(samples.get(1)).isCloseTo(baselineMedian / 410.25 / 2.0, within(1e-12));
    assertThat(samples.get(2)).isCloseTo(baselineMedian / 420 / 2.0, within(1e-12));
  }

  @Test
  void efficiencyVsBoundIsLeftToEfficiencyVsCapacityForAllCpuWorkAndWithoutItsInputs() {
    Result allCpu = withBound(probed(1.8, 1.9, 2.0), 0.97, 1.96);

    assertThat(Metric.EFFICIENCY_VS_BOUND.samples(allCpu)).isEmpty();
    assertThat(Metric.EFFICIENCY_VS_CAPACITY.samples(allCpu)).isPresent();
    assertThat(Metric.EFFICIENCY_VS_BOUND.samples(probed(1.8, 1.9, 2.0).build())).isEmpty();
    assertThat(Metric.EFFICIENCY_VS_BOUND.samples(withBound(probed(1.9), 0.5, 2.0))).isEmpty(); // unpaired
  }
}
