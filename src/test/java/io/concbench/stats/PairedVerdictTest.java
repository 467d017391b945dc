package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairedVerdictTest {

  private static PairedVerdict judge(double low, double high) {
    return PairedVerdict.judge(low, high, 10, 8, 0.05);
  }

  @Test
  void slowerBeyondDoubtWithAMaterialSlowdownNotRuledOutIsARegression() {
    assertThat(judge(1.01, 1.08)).isEqualTo(PairedVerdict.REGRESSED);
    assertThat(judge(1.06, 1.09)).isEqualTo(PairedVerdict.REGRESSED);
  }

  @Test
  void aSignificantChangeWithinTheThresholdIsNoChange() {
    assertThat(judge(1.01, 1.04)).isEqualTo(PairedVerdict.NO_CHANGE);
    assertThat(judge(0.97, 0.99)).isEqualTo(PairedVerdict.NO_CHANGE);
    assertThat(judge(0.97, 1.03)).isEqualTo(PairedVerdict.NO_CHANGE);
  }

  @Test
  void fasterBeyondDoubtWithAMaterialGainNotRuledOutIsAnImprovement() {
    assertThat(judge(0.90, 0.99)).isEqualTo(PairedVerdict.IMPROVED);
  }

  @Test
  void anIntervalAcross1ThatReachesBeyondTheThresholdIsInconclusive() {
    assertThat(judge(0.99, 1.06)).isEqualTo(PairedVerdict.INCONCLUSIVE);
    assertThat(judge(0.90, 1.01)).isEqualTo(PairedVerdict.INCONCLUSIVE);
  }

  @Test
  void beforeTheMinimumRoundsOrWithoutAnIntervalNothingIsDecided() {
    assertThat(PairedVerdict.judge(1.5, 1.6, 7, 8, 0.05)).isEqualTo(PairedVerdict.INCONCLUSIVE);
    assertThat(PairedVerdict.judge(0, Double.POSITIVE_INFINITY, 9, 8, 0.05)).isEqualTo(PairedVerdict.INCONCLUSIVE);
  }
}
