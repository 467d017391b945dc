package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
    assertThat(s.ciLow()).isCloseTo(3 - halfWidth, within(1e-3));
    assertThat(s.ciHigh()).isCloseTo(3 + halfWidth, within(1e-3));
  }

  @Test
  void oneSampleHasNoConfidenceInterval() {
    Summary s = Summaries.of(new double[] {7});

    assertThat(s.stddev()).isZero();
    assertThat(s.ciLow()).isNull();
    assertThat(s.ciHigh()).isNull();
  }

  @Test
  void medianOfAnEvenCountIsTheMidpoint() {
    assertThat(Summaries.of(new double[] {1, 2, 3, 10}).median()).isEqualTo(2.5);
  }

  @Test
  void medianAbsoluteDeviation() {
    assertThat(Summaries.medianAbsoluteDeviation(List.of(1.0, 2.0, 3.0, 4.0, 100.0))).isEqualTo(1.0);
  }
}
