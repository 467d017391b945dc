package io.concbench.advise;

import java.util.List;
import java.util.function.DoublePredicate;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * How many runs of each survivor a round measures, and the round's figure from them. A short run is
 * dominated by its noise: in the matrices of issue 22, runs of 120-200 ms varied by 10-33 % (the
 * standard deviation over the mean; log-regex about 18 %, a collection or a scheduling hiccup being a
 * large share of them), runs of 250-350 ms by 3-16 %, runs of 400 ms and more by 1-12 %, typically
 * 5 %: the {@link SuccessiveHalving#PRACTICAL} gap a pick must tell apart. So once the first rounds have
 * dropped what is clearly worse, a round measures each survivor's run enough times to make about
 * {@link #LONG_RUN_MS} of its work (at most {@link #MAX_RUNS} runs), interleaved as the rounds are, and
 * the round's figure is the median of its runs' speedups. Pure: it is told the run times and what fits.
 */
public final class RoundSize {

  /** A run this long or longer is judged on its own; shorter runs are repeated to about this much. */
  public static final double LONG_RUN_MS = 400;
  /**
   * Runs of a survivor in one round at most: each costs a process pool's start and a capacity probe
   * besides the run, and five runs of 80 ms already make the {@link #LONG_RUN_MS}.
   */
  public static final int MAX_RUNS = 5;

  private RoundSize() {}

  /**
   * The runs each survivor gets in the next round: one in the first {@link SuccessiveHalving#MIN_ROUNDS}
   * rounds (what is clearly worse is told at once, and work that settles there, one candidate left,
   * costs no more); after them, enough runs of the shortest survivor's run ({@code shortestRunMs}, its
   * median so far) to make {@link #LONG_RUN_MS}, but only as many as {@code fits} says fit: it is asked
   * whether every round still to come, at that many runs, ends within --max-time, so that longer rounds
   * never cost the rounds that decide.
   */
  public static int runs(int roundsSoFar, double shortestRunMs, IntPredicate fits) {
    if (roundsSoFar < SuccessiveHalving.MIN_ROUNDS || !(shortestRunMs > 0) || shortestRunMs >= LONG_RUN_MS) {
      return 1;
    }
    int wanted = (int) Math.min(MAX_RUNS, Math.ceil(LONG_RUN_MS / shortestRunMs));
    for (int runs = wanted; runs > 1; runs--) {
      if (fits.test(runs)) {
        return runs;
      }
    }
    return 1;
  }

  /**
   * The runs for the next round within --max-time: {@link #runs(int, double, IntPredicate)}, where a
   * length fits if the rounds to the next verdict at that length (to {@code maxRounds}, or after it to
   * {@code mostRounds}) and the rounds after them to {@code mostRounds} at one run each end within it.
   *
   * @param roundNanos about how long a round of the survivors takes at that many runs each
   * @param fits whether a step of that many nanoseconds, started now, ends within --max-time
   */
  public static int runs(int roundsSoFar, int maxRounds, int mostRounds, double shortestRunMs,
      IntToDoubleFunction roundNanos, DoublePredicate fits) {
    int toVerdict = Math.max(0, (roundsSoFar < maxRounds ? maxRounds : mostRounds) - roundsSoFar);
    int after = Math.max(0, mostRounds - roundsSoFar - toVerdict);
    return runs(roundsSoFar, shortestRunMs,
        r -> fits.test(toVerdict * roundNanos.applyAsDouble(r) + after * roundNanos.applyAsDouble(1)));
  }

  /**
   * A round's figure for a candidate: the median over the round's runs of the reference's wall time in
   * that run ({@code referenceWalls}, paired by index; {@code referenceWall} for every run when the
   * reference was not measured in the round) over the candidate's.
   */
  public static double figure(List<Long> referenceWalls, double referenceWall, List<Long> walls) {
    List<Double> speedups = new java.util.ArrayList<>();
    for (int i = 0; i < walls.size(); i++) {
      double ref = referenceWalls == null ? referenceWall : referenceWalls.get(i);
      speedups.add(ref / Math.max(1, walls.get(i)));
    }
    return figure(speedups);
  }

  /** A round's figure: the median of its runs' speedups (each the reference's run over the candidate's). */
  public static double figure(List<Double> speedups) {
    if (speedups.isEmpty()) {
      throw new IllegalArgumentException("a round needs a run");
    }
    return SuccessiveHalving.medianOf(speedups);
  }
}
