package io.concbench.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuccessiveHalvingTest {

  private static final Candidate SINGLE = new Candidate("single", 1, 0, null, "reference");
  private static final Candidate POOL_2 = new Candidate("thread-pool", 2, 0, null, "cpu");
  private static final Candidate POOL_4 = new Candidate("thread-pool", 4, 0, null, "more");
  private static final Candidate PROCESSES = new Candidate("process-pool", 2, 1, null, "processes");

  private static void rounds(SuccessiveHalving h, Candidate c, double... speedups) {
    for (double s : speedups) {
      h.record(c, s);
    }
  }

  @Test
  void dropsOnlyWhatIsClearlyWorseAndOnlyAfterEnoughRounds() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(SINGLE, POOL_2), 8, 2);
    rounds(h, SINGLE, 1, 1);
    rounds(h, POOL_2, 1.9, 2.0);

    assertThat(h.prune()).isEmpty(); // two rounds: too few to trust an interval

    rounds(h, SINGLE, 1);
    rounds(h, POOL_2, 1.95);
    assertThat(h.prune()).containsExactly(SINGLE);
    assertThat(h.survivors()).containsExactly(POOL_2);
    assertThat(h.settled()).isTrue();
    assertThat(h.standings().get(0).droppedWhy()).contains("clearly slower", "thread-pool with 2 workers");
  }

  @Test
  void survivorsOverlappingButFarApartAreMeasuredOnToTwiceTheRounds() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, POOL_4), 4, 2);
    rounds(h, POOL_2, 2.0, 1.6, 2.2, 1.9);
    rounds(h, POOL_4, 1.7, 1.5, 2.0, 1.75);

    // Medians 1.95 and 1.725, 12 % apart, in overlapping intervals: neither a tie nor a drop.
    assertThat(h.prune()).isEmpty();
    assertThat(h.settled()).isFalse();
    rounds(h, POOL_2, 2.0, 1.95, 2.05);
    rounds(h, POOL_4, 1.7, 1.72, 1.74);
    assertThat(h.settled()).isFalse();
    assertThat(h.mostRounds()).isEqualTo(8);
    rounds(h, POOL_2, 2.0);
    rounds(h, POOL_4, 1.71);
    assertThat(h.settled()).isTrue();
  }

  @Test
  void overlappingIntervalsAreNeverDroppedButStopAtTheRoundCap() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, POOL_4), 4, 2);
    rounds(h, POOL_2, 1.8, 2.0, 1.9);
    rounds(h, POOL_4, 1.85, 2.05, 1.8);

    assertThat(h.prune()).isEmpty();
    assertThat(h.settled()).isFalse();
    rounds(h, POOL_2, 1.9);
    rounds(h, POOL_4, 1.95);
    assertThat(h.prune()).isEmpty();
    // Equal medians in overlapping intervals, round by round within 6 %: a tie, settled at the rounds,
    // the cheaper picked.
    assertThat(h.settled()).isTrue();
    assertThat(h.pick().picked().candidate()).isEqualTo(POOL_2);
    assertThat(h.pick().withinNoise()).isTrue();
  }

  @Test
  void closeMediansWhoseRoundsDisagreeAreNoTieAndAreMeasuredOn() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, PROCESSES), 6, 2);
    // log-regex's short runs: medians 3 % apart, but round by round one is 0.84 to 1.11 of the other.
    rounds(h, PROCESSES, 2.35, 2.20, 2.60, 2.31, 2.05, 2.47);
    rounds(h, POOL_2, 2.12, 2.25, 2.18, 2.44, 2.27, 2.40);

    assertThat(h.prune()).isEmpty();
    assertThat(h.settled()).isFalse();
    assertThat(h.pick().withinNoise()).isFalse();

    rounds(h, PROCESSES, 2.10, 2.55, 2.20, 2.62, 2.15, 2.50);
    rounds(h, POOL_2, 2.45, 2.30, 2.52, 2.28, 2.46, 2.33);
    assertThat(h.settled()).isTrue();
    SuccessiveHalving.Pick pick = h.pick();
    // Still within 5 % in median after twice the rounds, but never shown to be as fast: the higher median,
    // though the other is in-process.
    assertThat(pick.picked().candidate()).isEqualTo(PROCESSES);
    assertThat(pick.withinNoise()).isFalse();
    assertThat(pick.runnerUpLost()).contains("not shown to be as fast", "higher median");
  }

  @Test
  void oneRoundIsNoTie() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, PROCESSES), 6, 2);
    rounds(h, POOL_2, 2.0);
    rounds(h, PROCESSES, 2.0);

    SuccessiveHalving.Pick pick = h.pick();

    // Equal, but nothing shows a tie: the first of the best, not the cheaper on one round's word.
    assertThat(pick.withinNoise()).isFalse();
    assertThat(pick.runnerUpLost()).contains("one round only");
  }

  @Test
  void pairedRatiosCancelWhatTheMachineDidToARound() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, POOL_4), 6, 2);
    // Each round faster or slower for both (the host's mood): wide intervals, ratios within 2 %.
    rounds(h, POOL_2, 1.60, 2.00, 1.75, 1.95, 1.65, 1.90);
    rounds(h, POOL_4, 1.62, 1.98, 1.78, 1.93, 1.66, 1.92);

    assertThat(h.settled()).isTrue();
    assertThat(h.pick().picked().candidate()).isEqualTo(POOL_2);
    assertThat(h.pick().withinNoise()).isTrue();
  }

  @Test
  void withinNoiseTheCheapestIsPickedAndBothAreSaidToBeWithinNoise() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, POOL_4, PROCESSES), 4, 2);
    rounds(h, POOL_2, 1.8, 1.9, 2.0, 1.85);
    rounds(h, POOL_4, 1.9, 2.0, 1.95, 1.85); // a higher median, within noise
    rounds(h, PROCESSES, 1.85, 2.0, 2.05, 1.9);

    SuccessiveHalving.Pick pick = h.pick();

    assertThat(pick.picked().candidate()).isEqualTo(POOL_2);
    assertThat(pick.withinNoise()).isTrue();
    assertThat(pick.runnerUpLost()).contains("within noise", "cheaper");
  }

  @Test
  void inProcessIsPreferredToProcessesWithinNoise() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(PROCESSES, POOL_4), 4, 2);
    rounds(h, PROCESSES, 1.9, 2.0, 1.95);
    rounds(h, POOL_4, 1.85, 1.95, 1.9);

    assertThat(h.pick().picked().candidate()).isEqualTo(POOL_4);
    assertThat(h.pick().runnerUpLost()).contains("in-process");
  }

  @Test
  void aClearWinnerIsPickedAndTheRunnerUpIsTheOneDroppedLast() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(SINGLE, POOL_2, PROCESSES), 8, 2);
    rounds(h, SINGLE, 1, 1, 1);
    rounds(h, POOL_2, 1.9, 2.0, 1.95);
    rounds(h, PROCESSES, 1.2, 1.3, 1.25);
    assertThat(h.prune()).containsExactly(SINGLE, PROCESSES);

    SuccessiveHalving.Pick pick = h.pick();

    assertThat(pick.picked().candidate()).isEqualTo(POOL_2);
    assertThat(pick.withinNoise()).isFalse();
    assertThat(pick.runnerUp().candidate()).isEqualTo(PROCESSES); // the higher median of those dropped together
  }

  @Test
  void nothingMeasuredPicksNothing() {
    assertThat(new SuccessiveHalving(List.of(POOL_2), 4, 2).pick()).isNull();
  }

  @Test
  void overlappingIntervalsFarApartInMedianPickTheHigherMedian() {
    SuccessiveHalving h = new SuccessiveHalving(List.of(POOL_2, POOL_4), 6, 2);
    rounds(h, POOL_2, 5.8, 6.4, 8.0, 6.3);
    rounds(h, POOL_4, 4.9, 9.2, 10.6, 9.3); // overlaps, but 45 % higher in median

    SuccessiveHalving.Pick pick = h.pick();

    assertThat(pick.picked().candidate()).isEqualTo(POOL_4);
    assertThat(pick.withinNoise()).isFalse();
    assertThat(pick.runnerUpLost()).contains("not clearly slower", "lower");
  }

  @Test
  void waitingWorkWithinNoisePicksVirtualThreadsOverAThousandPlatformThreads() {
    Candidate pool = new Candidate("thread-pool", 1000, 0, null, "a thread per task");
    Candidate virtual = new Candidate("virtual", 1000, 0, null, "a virtual thread per task");
    SuccessiveHalving h = new SuccessiveHalving(List.of(pool, virtual), 6, 2);
    double[] pools = {760, 770, 765, 772, 758, 768};
    double[] virtuals = {768, 775, 762, 771, 770, 774};
    for (int i = 0; i < pools.length; i++) {
      h.record(pool, pools[i]);
      h.record(virtual, virtuals[i]);
    }

    SuccessiveHalving.Pick pick = h.pick();

    // Virtual threads ride on a carrier per processor: 2 platform threads against 1000.
    assertThat(pick.picked().candidate()).isEqualTo(virtual);
    assertThat(pick.withinNoise()).isTrue();
  }

  @Test
  void cpuBoundWorkWithinNoisePicksAsManyThreadsAsTheCapacity() {
    Candidate two = new Candidate("thread-pool", 2, 0, null, "capacity");
    Candidate four = new Candidate("thread-pool", 4, 0, null, "twice");
    SuccessiveHalving h = new SuccessiveHalving(List.of(two, four), 6, 2);
    double[] twos = {1.93, 1.95, 1.94, 1.96, 1.92, 1.95};
    double[] fours = {1.95, 1.94, 1.97, 1.93, 1.96, 1.94};
    for (int i = 0; i < twos.length; i++) {
      h.record(two, twos[i]);
      h.record(four, fours[i]);
    }

    assertThat(h.pick().picked().candidate()).isEqualTo(two);
  }
}
