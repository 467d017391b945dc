package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.result.MedianInterval;
import io.concbench.result.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummariesTest {

  @Test
  void summarisesAKnownSampleExactly() {
    Summary s = Summaries.of(new double[] {5, 1, 4, 2, 3});

    assertThat(s.mean()).isEqualTo(3.0);
    assertThat(s.median()).isEqualTo(3.0);
    assertThat(s.stddev()).isCloseTo(Math.sqrt(2.5), within(1e-12)); // sample (n-1) standard deviation
    assertThat(s.min()).isEqualTo(1.0);
    assertThat(s.max()).isEqualTo(5.0);
    assertThat(s.samples()).containsExactly(5.0, 1.0, 4.0, 2.0, 3.0); // in run order
    // Student t, 4 degrees of freedom, two-sided 99.9 %: 8.6103 (statistical tables).
    double halfWidth = 8.6103 * Math.sqrt(2.5) / Math.sqrt(5);
    assertThat(3 - halfWidth).isNegative();
    assertThat(s.ciLow()).as("a mean of figures that cannot be negative cannot be").isZero();
    assertThat(s.ciHigh()).isCloseTo(3 + halfWidth, within(1e-3));
  }

  @Test
  void oneSampleHasNoConfidenceInterval() {
    Summary s = Summaries.of(new double[] {7});

    assertThat(s.stddev()).isZero();
    assertThat(s.ciLow()).isNull();
    assertThat(s.ciHigh()).isNull();
  }

  /** With 2 runs the 99.9 % t interval of "112 ms" read ±4.79 s: no interval below 5 runs. */
  @Test
  void fewerThanFiveSamplesHaveNoConfidenceInterval() {
    Summary s = Summaries.of(new double[] {100, 124, 110, 98});

    assertThat(s.stddev()).isPositive();
    assertThat(s.ciLow()).isNull();
    assertThat(s.ciHigh()).isNull();
  }

  @Test
  void theIntervalOfAQuantityThatCannotBeNegativeStopsAtZero() {
    Summary memory = Summaries.of(new double[] {0, 0, 10, 0, 0});
    Summary differences = Summaries.of(new double[] {-1, 0, 10, 0, 0});

    assertThat(memory.ciLow()).isZero();
    assertThat(memory.ciHigh()).isGreaterThan(10);
    assertThat(differences.ciLow()).isNegative();
  }

  @Test
  void medianOfAnEvenCountIsTheMidpoint() {
    assertThat(Summaries.of(new double[] {1, 2, 3, 10}).median()).isEqualTo(2.5);
  }

  @Test
  void medianAbsoluteDeviation() {
    assertThat(Summaries.medianAbsoluteDeviation(List.of(1.0, 2.0, 3.0, 4.0, 100.0))).isEqualTo(1.0);
  }

  @Test
  void theMedianIntervalOfTenSamplesIsTheSecondSmallestToTheSecondLargest() {
    // Coverage of [x(k), x(n-k+1)] is 1 - 2 P(B <= k-1), B ~ Binomial(10, 1/2): k = 2 gives
    // 1 - 2 * 11/1024 = 0.9785 >= 0.95, k = 3 gives 1 - 2 * 56/1024 = 0.8906 < 0.95.
    double[] samples = {0.9, 0.49, 1.15, 0.98, 0.88, 0.94, 1.04, 0.89, 0.99, 0.98};

    MedianInterval interval = Summaries.medianInterval(samples, 0.95);

    assertThat(interval.low()).isEqualTo(0.88);
    assertThat(interval.high()).isEqualTo(1.04);
    assertThat(interval.confidence()).isCloseTo(1 - 22.0 / 1024, within(1e-12));
  }

  @Test
  void fewSamplesGiveTheirRangeWithTheLowerConfidenceItHas() {
    MedianInterval five = Summaries.medianInterval(new double[] {1.0, 0.6, 1.1, 0.9, 1.9}, 0.95);
    MedianInterval twenty = Summaries.medianInterval(java.util.stream.IntStream.rangeClosed(1, 20)
        .asDoubleStream().toArray(), 0.95);

    assertThat(five.low()).isEqualTo(0.6);
    assertThat(five.high()).isEqualTo(1.9);
    assertThat(five.confidence()).isEqualTo(1 - 2.0 / 32);
    // n = 20: k = 6 covers 1 - 2 * 21700/2^20 = 0.9586; k = 7 only 0.8847.
    assertThat(twenty.low()).isEqualTo(6.0);
    assertThat(twenty.high()).isEqualTo(15.0);
    assertThat(twenty.confidence()).isCloseTo(1 - 2 * 21700.0 / (1 << 20), within(1e-12));
    assertThat(Summaries.medianInterval(new double[] {1.0}, 0.95)).isNull();
  }

  /**
   * The 99.9 % t interval against SciPy 1.17.1, from {@code python3
   * src/test/resources/io/concbench/stats/fits_reference.py}: {@code stats.t.interval(0.999, n - 1,
   * loc=mean, scale=stats.sem(x))}.
   */
  @Test
  void theTIntervalIsSciPys() {
    // SciPy's interval of {112, 98, 131} is [-188.5, 415.8]: with 3 runs concbench shows none.
    assertThat(Summaries.of(new double[] {112, 98, 131}).ciLow()).isNull();
    assertSciPy(new double[] {100, 102, 98, 101, 99}, 93.91159736374546, 106.08840263625471);
    assertSciPy(new double[] {5.000959, 5.140064, 5.456264, 5.2, 5.31, 4.98, 5.07, 5.6, 5.12, 5.25},
        4.913073698541027, 5.51238370145898);
  }

  private static void assertSciPy(double[] samples, double low, double high) {
    Summary s = Summaries.of(samples);
    // commons-math3's t quantile is solved to ~1e-9.
    assertThat(s.ciLow()).isCloseTo(low, within(Math.abs(low) * 1e-8));
    assertThat(s.ciHigh()).isCloseTo(high, within(Math.abs(high) * 1e-8));
  }
}
