package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReleaseScheduleTest {

  @Test
  void constantReleasesTaskIAtIOverTheRate() {
    assertThat(ReleaseSchedule.constant(4, 5)).containsExactly(0L, 250_000_000L, 500_000_000L, 750_000_000L,
        1_000_000_000L);
  }

  @Test
  void constantDoesNotDriftOverALongRun() {
    long[] offsets = ReleaseSchedule.constant(3, 3_000_001);
    // 1/3 s does not add up exactly in nanoseconds; computed from i it lands on the second anyway.
    assertThat(offsets[3_000_000]).isEqualTo(1_000_000_000_000_000L); // a million seconds
  }

  @Test
  void poissonHasTheRateAsItsMeanAndAscends() {
    int tasks = 200_000;
    long[] offsets = ReleaseSchedule.poisson(1000, tasks, 23);
    assertThat(offsets[0]).isZero();
    for (int i = 1; i < tasks; i++) {
      assertThat(offsets[i]).isGreaterThanOrEqualTo(offsets[i - 1]);
    }
    double meanGapMs = offsets[tasks - 1] / 1e6 / (tasks - 1);
    // Mean of 200 000 exponential gaps of 1 ms: standard error 1/sqrt(n), about 0.2 %.
    assertThat(meanGapMs).isCloseTo(1.0, within(0.01));
  }

  @Test
  void poissonGapsAreExponentialNotEven() {
    long[] offsets = ReleaseSchedule.poisson(1000, 100_001, 7);
    int shorterThanMean = 0;
    for (int i = 1; i < offsets.length; i++) {
      if (offsets[i] - offsets[i - 1] < 1_000_000) {
        shorterThanMean++;
      }
    }
    // P(gap < mean) = 1 - 1/e = 0.632 for an exponential gap; 0 or 1 for even gaps.
    assertThat(shorterThanMean / 100_000.0).isCloseTo(0.632, within(0.01));
  }

  @Test
  void theSameSeedGivesTheSameSchedule() {
    assertThat(ReleaseSchedule.poisson(50, 1000, 23)).containsExactly(ReleaseSchedule.poisson(50, 1000, 23));
    assertThat(ReleaseSchedule.poisson(50, 1000, 23)).isNotEqualTo(ReleaseSchedule.poisson(50, 1000, 24));
  }

  @Test
  void releasedByCountsTheOffsetsAtOrBeforeATime() {
    long[] offsets = {0, 10, 10, 20};
    assertThat(ReleaseSchedule.releasedBy(offsets, -1)).isZero();
    assertThat(ReleaseSchedule.releasedBy(offsets, 0)).isEqualTo(1);
    assertThat(ReleaseSchedule.releasedBy(offsets, 10)).isEqualTo(3);
    assertThat(ReleaseSchedule.releasedBy(offsets, 19)).isEqualTo(3);
    assertThat(ReleaseSchedule.releasedBy(offsets, 1000)).isEqualTo(4);
  }
}
