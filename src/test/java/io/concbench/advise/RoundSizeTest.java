package io.concbench.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoundSizeTest {

  @Test
  void theFirstRoundsRunOnceWhateverTheRun() {
    for (int rounds = 0; rounds < SuccessiveHalving.MIN_ROUNDS; rounds++) {
      assertThat(RoundSize.runs(rounds, 7, r -> true)).isEqualTo(1);
    }
  }

  @Test
  void longRunsAreJudgedOnTheirOwn() {
    assertThat(RoundSize.runs(3, 400, r -> true)).isEqualTo(1);
    assertThat(RoundSize.runs(6, 455, r -> true)).isEqualTo(1); // cpu: 16 tasks on 2 threads
  }

  @Test
  void shortRunsAreRepeatedToAboutTheLongRun() {
    assertThat(RoundSize.runs(3, 140, r -> true)).isEqualTo(3); // log-regex on 2 workers: 3 x 140 ms
    assertThat(RoundSize.runs(3, 253, r -> true)).isEqualTo(2); // mixed on 16 threads
    assertThat(RoundSize.runs(3, 399, r -> true)).isEqualTo(2);
    assertThat(RoundSize.runs(7, 100, r -> true)).isEqualTo(4);
  }

  @Test
  void veryShortRunsAreRepeatedAtMostFiveTimes() {
    assertThat(RoundSize.runs(3, 7, r -> true)).isEqualTo(RoundSize.MAX_RUNS);
    assertThat(RoundSize.runs(3, 80, r -> true)).isEqualTo(5);
  }

  @Test
  void roundsAreLengthenedOnlyAsFarAsTheRoundsToComeFit() {
    List<Integer> asked = new ArrayList<>();
    // Rounds of 3 runs would pass --max-time, rounds of 2 fit.
    int runs = RoundSize.runs(3, 140, r -> {
      asked.add(r);
      return r <= 2;
    });

    assertThat(runs).isEqualTo(2);
    assertThat(asked).containsExactly(3, 2);
    assertThat(RoundSize.runs(3, 140, r -> false)).isEqualTo(1); // then the round's own check decides
  }

  /** A round of log-regex's survivors: 3.3 s a pass (a pool start, probes, three runs of 140 ms). */
  private static double roundNanos(int runs) {
    return runs * 3.3e9;
  }

  @Test
  void beforeTheFirstVerdictTheRoundsToItAreLengthenedAndTheRestToTheMostRoundsKeptAtOneRun() {
    List<Double> asked = new ArrayList<>();
    // After 3 rounds, 95 s left: 3 rounds of 3 runs (29.7 s) and 6 of one (19.8 s) fit.
    int runs = RoundSize.runs(3, 6, 12, 140, RoundSizeTest::roundNanos, nanos -> {
      asked.add(nanos / 1e9);
      return nanos <= 95e9;
    });

    assertThat(runs).isEqualTo(3);
    assertThat(asked.get(0)).isCloseTo(3 * 9.9 + 6 * 3.3, org.assertj.core.data.Offset.offset(1e-9));
    // 45 s left: 3 rounds of 3 (29.7 s) would leave too little for the 6 after them (19.8 s); of 2, not.
    assertThat(RoundSize.runs(3, 6, 12, 140, RoundSizeTest::roundNanos, nanos -> nanos <= 45e9))
        .isEqualTo(2);
  }

  @Test
  void afterTheFirstVerdictTheRoundsToTheMostAreLengthenedAsFarAsTheyFit() {
    List<Double> asked = new ArrayList<>();
    // Undecided after 6 rounds, 45 s left: 6 rounds of 2 runs (39.6 s) fit, of 3 (59.4 s) not.
    int runs = RoundSize.runs(6, 6, 12, 140, RoundSizeTest::roundNanos, nanos -> {
      asked.add(nanos / 1e9);
      return nanos <= 45e9;
    });

    assertThat(runs).isEqualTo(2);
    assertThat(asked).hasSize(2);
    assertThat(asked.get(0)).isCloseTo(6 * 9.9, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(asked.get(1)).isCloseTo(6 * 6.6, org.assertj.core.data.Offset.offset(1e-9));
    // The last round may take all that is left.
    assertThat(RoundSize.runs(11, 6, 12, 140, RoundSizeTest::roundNanos, nanos -> nanos <= 10e9))
        .isEqualTo(3);
  }

  @Test
  void aRoundsFigurePairsEachRunWithTheReferencesRunOfTheSamePass() {
    // single 280, 300, 260 ms; the candidate 140, 100 (a lucky run), 150 ms: 2.0x, 3.0x, 1.73x.
    assertThat(RoundSize.figure(List.of(280L, 300L, 260L), Double.NaN, List.of(140L, 100L, 150L)))
        .isEqualTo(2.0);
    // The reference dropped: its median wall time stands for it in every run.
    assertThat(RoundSize.figure(null, 280, List.of(140L, 200L, 135L))).isEqualTo(2.0);
  }

  @Test
  void anUnknownRunIsJudgedOnItsOwn() {
    assertThat(RoundSize.runs(3, Double.NaN, r -> true)).isEqualTo(1);
    assertThat(RoundSize.runs(3, 0, r -> true)).isEqualTo(1);
  }

  /** Speedups of runs of 140 ms, one run in three hit by a hiccup (a collection), as log-regex's. */
  private static final double[][] PROCESSES_RUNS = {
      {2.30, 2.35, 1.70}, {2.28, 1.75, 2.33}, {1.72, 2.31, 2.29}, {2.30, 2.35, 1.70}};
  private static final double[][] THREADS_RUNS = {
      {2.05, 2.02, 1.55}, {2.07, 1.58, 2.04}, {1.57, 2.06, 2.03}, {2.05, 2.02, 1.55}};
  private static final Candidate THREADS = new Candidate("thread-pool", 2, 0, null, "cpu");
  private static final Candidate PROCESSES = new Candidate("process-pool", 2, 1, null, "processes");

  @Test
  void aHiccupInOneRunInThreeLeavesSingleRunRoundsUndecidedAndMediansOfThreeDecide() {
    SuccessiveHalving single = new SuccessiveHalving(List.of(THREADS, PROCESSES), 6, 2);
    for (int round = 0; round < 4; round++) {
      for (int run = 0; run < 3; run++) {
        single.record(PROCESSES, PROCESSES_RUNS[round][run]);
        single.record(THREADS, THREADS_RUNS[round][run]);
      }
    }
    // Twelve rounds of one run each: medians 12 % apart, intervals overlapping: undecided at the cap.
    assertThat(single.prune()).isEmpty();
    assertThat(single.pick().runnerUpLost()).contains("not clearly slower");

    SuccessiveHalving medians = new SuccessiveHalving(List.of(THREADS, PROCESSES), 6, 2);
    for (int round = 0; round < 3; round++) {
      medians.record(PROCESSES, RoundSize.figure(List.of(boxed(PROCESSES_RUNS[round]))));
      medians.record(THREADS, RoundSize.figure(List.of(boxed(THREADS_RUNS[round]))));
    }
    // Three rounds of three runs: the hiccups are outvoted and the threads' interval lies below.
    assertThat(medians.prune()).containsExactly(THREADS);
    assertThat(medians.settled()).isTrue();
    assertThat(medians.pick().picked().candidate()).isEqualTo(PROCESSES);
  }

  private static Double[] boxed(double[] values) {
    return java.util.Arrays.stream(values).boxed().toArray(Double[]::new);
  }

  @Test
  void aRoundsFigureIsTheMedianOfItsRuns() {
    assertThat(RoundSize.figure(List.of(2.4, 1.7, 2.1))).isEqualTo(2.1);
    assertThat(RoundSize.figure(List.of(2.0, 2.2))).isEqualTo(2.1, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(RoundSize.figure(List.of(1.9))).isEqualTo(1.9);
    assertThatThrownBy(() -> RoundSize.figure(List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
