package io.concbench.result;

import java.util.List;

/**
 * The {@code ab} section of a report written by {@code concbench ab}: how the two sides were measured, every
 * round's pair, and the verdict on the ratio B/A (docs/ab.md, docs/json-schema.md).
 *
 * @param procedure "interleaved" (A and B one after the other, in a random order per round) or "duet" (A and
 *     B at the same time)
 * @param a side A's run options as given (shared options first)
 * @param b side B's run options likewise
 * @param javaA the java of side A's JVMs, or null for the java running concbench
 * @param javaB likewise for side B
 * @param seed the seed of the random order of each round
 * @param metric what each side's figure per round is
 * @param threshold the smallest change that counts, a fraction
 * @param confidence the confidence of the interval (0.99)
 * @param interimConfidence the stricter confidence at which {@code --rounds auto} stops early on a change
 *     (0.999): a regression or an improvement ends the rounds before the time is up only once this interval
 *     excludes 1 too; null in reports written before it
 * @param minRounds rounds needed before any verdict
 * @param roundsAsked the rounds asked for, or null for {@code --rounds auto}
 * @param maxTimeMs the time limit of {@code --rounds auto}
 * @param rounds every finished round, in order
 * @param ratio the Hodges–Lehmann estimate of B/A over the rounds, null before any round
 * @param ratioCiLow the interval's lower end, null when the rounds cannot give one
 * @param ratioCiHigh the interval's upper end, likewise
 * @param pValue two-sided p of the Wilcoxon signed-rank test on the rounds' log ratios
 * @param verdict improved, regressed, no change or inconclusive; after {@code --confirm}, a regression the
 *     confirming rounds did not find again is {@value #NOT_REPRODUCED}
 * @param stopReason why no further round ran
 * @param elapsedMs wall time of all rounds
 * @param confirmation the confirming rounds of {@code --confirm N}, null when none ran
 */
public record AbSection(
    String procedure,
    List<String> a,
    List<String> b,
    String javaA,
    String javaB,
    long seed,
    String metric,
    double threshold,
    double confidence,
    Double interimConfidence,
    int minRounds,
    Integer roundsAsked,
    double maxTimeMs,
    List<Round> rounds,
    Double ratio,
    Double ratioCiLow,
    Double ratioCiHigh,
    Double pValue,
    String verdict,
    String stopReason,
    double elapsedMs,
    Confirmation confirmation) {

  /** The verdict on a regression that the confirming rounds did not find again. */
  public static final String NOT_REPRODUCED = "not reproduced";

  public AbSection {
    a = List.copyOf(a);
    b = List.copyOf(b);
    rounds = List.copyOf(rounds);
  }

  /**
   * One round: each side's figure and which ran first.
   *
   * @param round 1, 2, …
   * @param order "AB" or "BA" (which side started first; in a duet both start together, in this order)
   * @param aWallMs side A's figure: the median wall time of its runs (the geometric mean over its results when
   *     it measured several)
   * @param bWallMs side B's figure likewise
   * @param ratio bWallMs / aWallMs
   * @param capacity the machine's capacity, probed by ab itself just before the round's sides for each kind
   *     of probe and k the sides' parallel cases need (docs/ab.md); empty when they need none, or probe it
   *     themselves ({@code --capacity} given in a side)
   * @param cpus the CPUs both sides were held to for their timed runs ({@code --pin auto}, docs/ab.md), or null
   *     when the scheduler placed them
   */
  public record Round(int round, String order, double aWallMs, double bWallMs, double ratio,
      List<Capacity> capacity, List<Integer> cpus) {

    public Round {
      capacity = capacity == null ? List.of() : List.copyOf(capacity); // absent in reports written before it
      cpus = cpus == null ? null : List.copyOf(cpus);
    }

    /** A round without a capacity probe, its sides placed by the scheduler. */
    public Round(int round, String order, double aWallMs, double bWallMs, double ratio) {
      this(round, order, aWallMs, bWallMs, ratio, List.of(), null);
    }
  }

  /**
   * One capacity probe of a round.
   *
   * @param method "threads" or "processes" (docs/capacity.md)
   * @param k the workers probed for
   * @param capacity the capacity for k workers, e.g. 1.97 of 2
   */
  public record Capacity(String method, int k, double capacity) {}

  /**
   * The confirming pass of {@code --confirm N}: N more rounds after a {@code regressed} verdict, judged on their
   * own, as the first rounds were.
   *
   * @param roundsAsked N
   * @param rounds its finished rounds, numbered from 1
   * @param ratio the Hodges–Lehmann estimate of B/A over them
   * @param ratioCiLow the interval's lower end, null when they cannot give one
   * @param ratioCiHigh the interval's upper end, likewise
   * @param pValue two-sided p of the Wilcoxon signed-rank test on their log ratios
   * @param verdict their own verdict: the regression is kept only if it is {@code regressed}
   * @param stopReason rounds, interrupted or failed; null while running
   * @param elapsedMs wall time of the confirming rounds
   */
  public record Confirmation(int roundsAsked, List<Round> rounds, Double ratio, Double ratioCiLow,
      Double ratioCiHigh, Double pValue, String verdict, String stopReason, double elapsedMs) {

    public Confirmation {
      rounds = List.copyOf(rounds);
    }
  }
}
