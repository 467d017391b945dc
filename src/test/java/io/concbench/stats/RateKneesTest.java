package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.RateSummary;
import io.concbench.result.RateSummary.Percentiles;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public class RateKneesTest {

  /** A point of a curve: service p50 {@code serviceUs}, latency p99 {@code p99Us}, at {@code perSecond}. */
  public static Result point(String executor, double perSecond, double serviceUs, double p99Us) {
    Percentiles service = new Percentiles(serviceUs, serviceUs, serviceUs, serviceUs, serviceUs, 10);
    Percentiles latency = new Percentiles(serviceUs, p99Us, p99Us, p99Us, p99Us, 10);
    return ResultBuilder.result().benchmarkCase("io", executor, 10).tasks((int) perSecond)
        .params(Map.of("sleep-ms", 100)).build()
        .withRate(new RateSummary("constant", null, null, perSecond, perSecond, 0, latency, latency, service,
            latency));
  }

  @Test
  void theKneeIsTheLastRateWithinTheFactorGoingUp() {
    List<Result> curve = List.of(point("thread-pool", 110, 100_000, 450_000),
        point("thread-pool", 50, 100_000, 101_000), point("thread-pool", 90, 101_000, 199_000),
        point("thread-pool", 150, 100_000, 2_500_000));

    RateSummary.Knee knee = RateKnees.knee(curve, 2);

    assertThat(knee).isEqualTo(new RateSummary.Knee(2, 100_000, 90.0, false));
  }

  @Test
  void aCurveWithinEverywhereHasItsKneeBeyondAndOneOutsideAtOnceHasNone() {
    assertThat(RateKnees.knee(List.of(point("virtual", 1000, 100_000, 110_000),
        point("virtual", 5000, 100_000, 190_000)), 2)).isEqualTo(new RateSummary.Knee(2, 100_000, 5000.0, true));
    assertThat(RateKnees.knee(List.of(point("single", 50, 100_000, 3_000_000),
        point("single", 100, 100_000, 6_000_000)), 2)).isEqualTo(new RateSummary.Knee(2, 100_000, null, false));
  }

  @Test
  void aWiderFactorMovesTheKneeUp() {
    List<Result> curve = List.of(point("thread-pool", 50, 100_000, 101_000),
        point("thread-pool", 110, 100_000, 450_000), point("thread-pool", 150, 100_000, 2_500_000));

    assertThat(RateKnees.knee(curve, 2).kneePerS()).isEqualTo(50.0);
    assertThat(RateKnees.knee(curve, 5).kneePerS()).isEqualTo(110.0);
  }

  @Test
  void eachCurveOfTwoOrMoreRatesCarriesItsKneeAndTheRestStayAsTheyWere() {
    Result closed = ResultBuilder.result().benchmarkCase("io", "single", 1).build();
    Result alone = point("single", 50, 100_000, 100_000);
    List<Result> results = List.of(closed, point("thread-pool", 50, 100_000, 101_000), alone,
        point("thread-pool", 150, 100_000, 2_500_000));

    List<Result> attached = RateKnees.attach(results, 2);

    assertThat(attached.get(0)).isSameAs(closed);
    assertThat(attached.get(2)).isSameAs(alone);
    assertThat(attached.get(1).rate().knee()).isEqualTo(new RateSummary.Knee(2, 100_000, 50.0, false));
    assertThat(attached.get(3).rate().knee()).isEqualTo(attached.get(1).rate().knee());
    assertThat(attached.get(3).rate().offeredPerS()).isEqualTo(150);
  }

  @Test
  void aWorkerPerTaskIsOneCurveThoughEachRateGivesItsOwnWorkerCount() {
    // virtual and thread-per-task run as many workers as tasks, and each rate gives its own task count.
    Result slow = ResultBuilder.from(point("virtual", 1000, 100_000, 101_000)).workers(1000).build()
        .withRate(point("virtual", 1000, 100_000, 101_000).rate());
    Result fast = ResultBuilder.from(point("virtual", 5000, 100_000, 103_000)).tasks(5000).workers(5000).build()
        .withRate(point("virtual", 5000, 100_000, 103_000).rate());

    List<Result> attached = RateKnees.attach(List.of(slow, fast), 2);

    assertThat(attached).allSatisfy(r -> assertThat(r.rate().knee())
        .isEqualTo(new RateSummary.Knee(2, 100_000, 5000.0, true)));
    assertThat(RateKnees.Curve.of(slow.benchmarkCase()).workerPerTask()).isTrue();
    assertThat(RateKnees.Curve.of(point("thread-pool", 50, 1, 1).benchmarkCase()).workerPerTask()).isFalse();
  }

  @Test
  void rateResultsAreNoScalingCurve() {
    Result five = ResultBuilder.from(point("thread-pool", 50, 100_000, 101_000)).workers(5).build()
        .withRate(point("thread-pool", 50, 100_000, 101_000).rate());

    Result single = ResultBuilder.result().benchmarkCase("io", "single", 1).tasks(50)
        .params(Map.of("sleep-ms", 100)).build();
    Result ten = point("thread-pool", 50, 100_000, 101_000);

    assertThat(Scalings.of(List.of(single, five, ten))).isEmpty();
    assertThat(Scalings.of(List.of(single, ResultBuilder.from(five).build(), ResultBuilder.from(ten).build())))
        .as("the same results closed").hasSize(1);
  }
}
