package io.concbench.advise;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

  private static final long MS = 1_000_000;
  private static final Candidate SINGLE = new Candidate("single", 1, 0, null, "reference");
  private static final Candidate POOL = new Candidate("thread-pool", 2, 0, null, "cpu");
  private static final Candidate PROCESSES = new Candidate("process-pool", 2, 1, null, "processes");

  /** 16 tasks of 80 ms, computing, two cores; a process pool starts in 300 ms. */
  private static Calibration cpu() {
    return new Calibration(80, 1.0, 2.0, 2, 16, 300.0, 0.6, false, true, false, 10_000);
  }

  @Test
  void theFirstRoundIsJudgedByTheCalibrationsEstimatesAndItsProbesWarmUpIncluded() {
    TimeBudget budget = new TimeBudget(0, 10_000 * MS);
    budget.overheadAtLeast(500 * MS);

    double round = budget.roundNanos(List.of(SINGLE, POOL, PROCESSES), 1, cpu());

    // single 1280 ms, the pool 640 ms, processes 640 ms + 300 ms start, each twice (warm-up), + 500 ms probes
    // for each of the two passes.
    assertThat(round / MS).isEqualTo(2 * 500 + 2 * (1280 + 640 + 940));
  }

  @Test
  void aRoundOfSeveralRunsCountsEachRunAndTheOverheadOfEachPass() {
    TimeBudget budget = new TimeBudget(0, 100_000 * MS);
    Map<Candidate, List<Long>> round = new LinkedHashMap<>();
    round.put(POOL, List.of(140 * MS, 150 * MS, 160 * MS));
    round.put(PROCESSES, List.of(130 * MS, 120 * MS, 125 * MS));
    // 3 passes: 825 ms of runs and 3 x 2 s beyond them (a pool start and a probe in each).
    budget.learnRound(round, 0, (825 + 6000) * MS);

    assertThat(budget.roundNanos(List.of(POOL, PROCESSES), 0, 1, cpu()) / MS).isEqualTo(2000 + 160 + 130);
    assertThat(budget.roundNanos(List.of(POOL, PROCESSES), 0, 4, cpu()) / MS)
        .isEqualTo(4 * (2000 + 160 + 130));
  }

  @Test
  void aFirstRoundsWarmUpPassSharesItsOverhead() {
    TimeBudget budget = new TimeBudget(0, 100_000 * MS);
    Map<Candidate, List<Long>> round = new LinkedHashMap<>();
    round.put(POOL, List.of(200 * MS));
    // A warm-up pass and a measured one: 2 x 200 ms of runs, 2 x 1 s beyond them.
    budget.learnRound(round, 1, 2400 * MS);

    assertThat(budget.roundNanos(List.of(POOL), 0, 3, cpu()) / MS).isEqualTo(3 * (1000 + 200));
  }

  @Test
  void laterRoundsAreJudgedByEachCandidatesLongestRunAndTheLongestOverhead() {
    TimeBudget budget = new TimeBudget(0, 10_000 * MS);
    budget.overheadAtLeast(500 * MS);
    Map<Candidate, List<Long>> first = new LinkedHashMap<>();
    first.put(SINGLE, List.of(1300 * MS));
    first.put(POOL, List.of(700 * MS));
    // A round of 4 s: 2 x (1300 + 700) of runs and warm-ups, 0 beyond them.
    budget.learnRound(first, 1, 4000 * MS);
    Map<Candidate, List<Long>> second = new LinkedHashMap<>();
    second.put(SINGLE, List.of(1200 * MS));
    second.put(POOL, List.of(800 * MS));
    budget.learnRound(second, 0, 2900 * MS); // 900 ms beyond the runs: the longest overhead now

    assertThat(budget.roundNanos(List.of(SINGLE, POOL), 0, cpu()) / MS).isEqualTo(900 + 1300 + 800);
    // Once single is dropped, the round is the pool's alone.
    assertThat(budget.roundNanos(List.of(POOL), 0, cpu()) / MS).isEqualTo(900 + 800);
  }

  @Test
  void aStepFitsOnlyIfItEndsWithinTheBound() {
    TimeBudget budget = new TimeBudget(1000 * MS, 10_000 * MS);

    assertThat(budget.fits(8000 * MS, 3000 * MS)).isTrue(); // ends at 10 s of the bound
    assertThat(budget.fits(8000 * MS, 3001 * MS)).isFalse();
    assertThat(budget.fits(11_000 * MS, 0)).isTrue();
    assertThat(budget.fits(11_001 * MS, 0)).isFalse();
  }
}
