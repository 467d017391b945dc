package io.concbench.advise;

import io.concbench.result.MedianInterval;
import io.concbench.stats.Summaries;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Successive halving over candidates, cautious: every survivor is measured in every round (the caller
 * interleaves them as {@code matrix} does), and one is dropped only when its speedup's interval lies
 * wholly below the best one's, never for a median that merely trails. What stands at the end is picked by
 * {@link #pick}: the best, or the cheapest of those within noise of it. Pure: it sees speedups, not runs.
 */
public final class SuccessiveHalving {

  /** Medians closer than this share count as equal, when the intervals overlap too. */
  static final double PRACTICAL = 0.05;
  /**
   * How far the interval of two candidates' paired round-by-round ratio may reach from 1 for their tie to
   * count as shown. Each round measures every survivor in the same minutes against the same reference, so
   * their ratio round by round cancels what the machine did to the round; what is left is the two
   * candidates' own difference and noise. In the rounds of issue 22, six rounds of {@code cpu} kept every
   * pair's ratios within 0.90-1.09, while {@code log-regex}'s short runs left 0.62-1.22, where the matrix
   * saw a 10-15 % gap between worker JVMs and threads.
   */
  static final double TIE_SHOWN = 0.10;
  /** Rounds before any interval is trusted enough to drop a candidate on it. */
  public static final int MIN_ROUNDS = 3;
  /** The intervals' confidence (with few rounds it is the samples' range, of lower confidence). */
  static final double CONFIDENCE = Summaries.MEDIAN_CONFIDENCE;

  private final Map<Candidate, Standing> standings = new LinkedHashMap<>();
  private final int maxRounds;
  private final int processors;

  /** One candidate's speedups so far, and whether and why it was dropped. */
  public static final class Standing {
    private final Candidate candidate;
    private final List<Double> speedups = new ArrayList<>();
    private String droppedWhy;
    private int droppedAfter;

    Standing(Candidate candidate) {
      this.candidate = candidate;
    }

    public Candidate candidate() {
      return candidate;
    }

    public List<Double> speedups() {
      return List.copyOf(speedups);
    }

    public boolean dropped() {
      return droppedWhy != null;
    }

    public String droppedWhy() {
      return droppedWhy;
    }

    /** Rounds measured when it was dropped; 0 while it stands. */
    public int droppedAfter() {
      return droppedAfter;
    }

    /** The median speedup; NaN before any round. */
    public double median() {
      return speedups.isEmpty() ? Double.NaN : medianOf(speedups);
    }

    /** The interval of the median; null before any round. */
    public MedianInterval interval() {
      if (speedups.isEmpty()) {
        return null;
      }
      double[] values = speedups.stream().mapToDouble(Double::doubleValue).toArray();
      MedianInterval interval = Summaries.medianInterval(values, CONFIDENCE);
      if (interval != null) {
        return interval;
      }
      // Too few rounds for any confidence: the range, said to have none.
      double low = java.util.Arrays.stream(values).min().orElseThrow();
      double high = java.util.Arrays.stream(values).max().orElseThrow();
      return new MedianInterval(low, high, 0);
    }
  }

  /** What stands at the end. */
  public record Pick(Standing picked, Standing runnerUp, boolean withinNoise, String runnerUpLost) {}

  public SuccessiveHalving(List<Candidate> candidates, int maxRounds, int processors) {
    candidates.forEach(c -> standings.put(c, new Standing(c)));
    this.maxRounds = maxRounds;
    this.processors = processors;
  }

  /** The candidates still standing, in the order given. */
  public List<Candidate> survivors() {
    return standings.values().stream().filter(s -> !s.dropped()).map(Standing::candidate).toList();
  }

  public List<Standing> standings() {
    return List.copyOf(standings.values());
  }

  /** One round's speedup of a candidate: the reference's wall time over its own in the same round. */
  public void record(Candidate candidate, double speedup) {
    Standing standing = standings.get(candidate);
    if (standing == null || standing.dropped()) {
      throw new IllegalArgumentException("not standing: " + candidate.label());
    }
    standing.speedups.add(speedup);
  }

  /**
   * Drops every survivor whose interval lies wholly below the best survivor's (the highest median), once
   * both have {@link #MIN_ROUNDS}.
   *
   * @return the candidates dropped now
   */
  public List<Candidate> prune() {
    List<Standing> standing = standings.values().stream().filter(s -> !s.dropped()
        && s.speedups.size() >= MIN_ROUNDS).toList();
    if (standing.size() < 2) {
      return List.of();
    }
    Standing best = standing.stream().max(Comparator.comparingDouble(Standing::median)).orElseThrow();
    MedianInterval bestInterval = best.interval();
    List<Candidate> dropped = new ArrayList<>();
    for (Standing s : standing) {
      MedianInterval interval = s.interval();
      if (s != best && interval.high() < bestInterval.low()) {
        s.droppedWhy = String.format(Locale.ROOT, "clearly slower: %s [%s, %s], below the interval of %s "
            + "[%s, %s] after %d rounds", speedup(s.median()), number(interval.low()), number(interval.high()),
            best.candidate.label(), number(bestInterval.low()), number(bestInterval.high()), s.speedups.size());
        s.droppedAfter = s.speedups.size();
        dropped.add(s.candidate);
      }
    }
    return dropped;
  }

  /**
   * True when nothing more need be measured: one survivor with its rounds; every survivor with
   * {@code maxRounds} and {@link #tied} with the best (the cheapest is picked); or every survivor at twice
   * that, however they stand. Between the two, survivors whose intervals overlap the best's while their
   * medians lie more than {@link #PRACTICAL} below it, or whose medians are close but whose paired ratios
   * to the best still spread widely, are undecided, and more rounds tell them apart: measured on the
   * example's log-regex, six rounds left a 12 % gap inside overlapping intervals, and another six showed
   * three candidates within 5 % whose ratios to each other spread over 0.84-1.11: two runs of advise
   * picked differently. (Requiring each candidate's own interval to lie within 5 % of the best's median
   * was tried: on cpu three equal candidates then ran to 12 rounds, advise took 44 s against the matrix's
   * 154 s, and picked the same. The paired ratios are far narrower than either interval.)
   */
  public boolean settled() {
    List<Standing> standing = standings.values().stream().filter(s -> !s.dropped()).toList();
    if (standing.size() <= 1) {
      return standing.isEmpty() || standing.get(0).speedups.size() >= MIN_ROUNDS;
    }
    if (standing.stream().allMatch(s -> s.speedups.size() >= mostRounds())) {
      return true;
    }
    if (!standing.stream().allMatch(s -> s.speedups.size() >= maxRounds)) {
      return false;
    }
    Standing best = standing.stream().max(Comparator.comparingDouble(Standing::median)).orElseThrow();
    return standing.stream().allMatch(s -> s == best || tied(s, best));
  }

  /** The most rounds any candidate gets: twice {@code maxRounds}, for survivors still undecided then. */
  public int mostRounds() {
    return 2 * maxRounds;
  }

  /**
   * The pick: the best survivor by median speedup; if others are {@link #tied} with it, the cheapest of
   * them ({@link Candidate#cheapestFirst}: in-process before processes, fewer workers), and the other is the
   * runner-up. Null before any round.
   */
  public Pick pick() {
    List<Standing> measured = standings.values().stream().filter(s -> !s.speedups.isEmpty()).toList();
    List<Standing> standing = measured.stream().filter(s -> !s.dropped()).toList();
    if (standing.isEmpty()) {
      return null;
    }
    Standing best = standing.stream().max(Comparator.comparingDouble(Standing::median)).orElseThrow();
    List<Standing> withinNoise = standing.stream().filter(s -> s == best || tied(s, best)).toList();
    Comparator<Candidate> cheap = Candidate.cheapestFirst(processors);
    Standing picked = withinNoise.stream().min((a, b) -> cheap.compare(a.candidate, b.candidate)).orElseThrow();
    List<Standing> others = measured.stream().filter(s -> s != picked).toList();
    // The runner-up: the best other still standing, else the one dropped last.
    Standing runnerUp = others.stream().filter(s -> !s.dropped())
        .max(Comparator.comparingDouble(Standing::median))
        .orElseGet(() -> others.stream().max(Comparator.comparingInt(Standing::droppedAfter)
            .thenComparingDouble(Standing::median)).orElse(null));
    if (runnerUp == null) {
      return new Pick(picked, null, false, null);
    }
    boolean noise = !runnerUp.dropped() && (runnerUp.median() >= picked.median()
        ? tied(picked, runnerUp) : tied(runnerUp, picked));
    String lost;
    if (runnerUp.dropped()) {
      lost = runnerUp.droppedWhy;
    } else if (!noise && withinNoise(runnerUp, picked)) {
      MedianInterval paired = pairedInterval(runnerUp, picked);
      lost = String.format(Locale.ROOT, "within %.0f %% of the pick (%s against %s), but not shown to be as "
          + "fast: %s, so the higher median was picked; more rounds (a longer --max-time) would tell them "
          + "apart", PRACTICAL * 100, speedup(runnerUp.median()), speedup(picked.median()), paired == null
          ? "one round only" : "its speed round by round was " + number(paired.low()) + "-"
          + number(paired.high()) + " of the pick's");
    } else if (!noise && overlap(runnerUp.interval(), picked.interval())) {
      lost = String.format(Locale.ROOT, "not clearly slower (the intervals overlap), but its median is %.0f %% "
          + "lower: %s against %s; more rounds (a longer --max-time) would tell them apart",
          (1 - runnerUp.median() / picked.median()) * 100, speedup(runnerUp.median()), speedup(picked.median()));
    } else if (noise) {
      lost = String.format(Locale.ROOT, "within noise of the pick (%s against %s, intervals overlap): the "
          + "cheaper was picked (%s)", speedup(runnerUp.median()), speedup(picked.median()),
          cheap.compare(picked.candidate, runnerUp.candidate) < 0 ? cheaperWhy(picked.candidate,
              runnerUp.candidate) : "the higher median");
    } else {
      lost = String.format(Locale.ROOT, "slower: %s against %s (its interval lies below, with too few "
          + "rounds to drop it)", speedup(runnerUp.median()), speedup(picked.median()));
    }
    return new Pick(picked, runnerUp, noise, lost);
  }

  private static String cheaperWhy(Candidate picked, Candidate other) {
    if (!picked.inOtherProcesses() && other.inOtherProcesses()) {
      return "in-process, no worker JVMs";
    }
    if (picked.executor().equals(Candidate.SINGLE)) {
      return "one thread";
    }
    return "fewer threads or processes";
  }

  /**
   * True if {@code s} is within noise of {@code best}: their intervals overlap and its median is within
   * {@link #PRACTICAL} of the best's. Overlap alone is not enough: a few noisy rounds give wide intervals, and
   * the cheaper of two candidates whose medians are far apart would be picked on noise.
   */
  static boolean withinNoise(Standing s, Standing best) {
    return overlap(s.interval(), best.interval()) && s.median() >= best.median() * (1 - PRACTICAL);
  }

  /**
   * True if {@code s} and {@code best} are a tie: within noise ({@link #withinNoise}), and their paired
   * ratios show it: the interval of the median of {@code s}'s speedup over {@code best}'s, round by round,
   * lies within {@link #TIE_SHOWN} of 1. Close medians of wide intervals are not a tie but too few rounds.
   */
  static boolean tied(Standing s, Standing best) {
    if (!withinNoise(s, best)) {
      return false;
    }
    MedianInterval paired = pairedInterval(s, best);
    return paired != null && paired.low() >= 1 - TIE_SHOWN && paired.high() <= 1 + TIE_SHOWN;
  }

  /**
   * The interval of the median of {@code s}'s speedup over {@code other}'s in the rounds both were measured
   * (every survivor is measured in every round from the first; with too few rounds for its confidence, the
   * ratios' range); null before two common rounds.
   */
  static MedianInterval pairedInterval(Standing s, Standing other) {
    int rounds = Math.min(s.speedups.size(), other.speedups.size());
    if (rounds < 2) {
      return null;
    }
    double[] ratios = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      ratios[i] = s.speedups.get(i) / other.speedups.get(i);
    }
    return Summaries.medianInterval(ratios, CONFIDENCE);
  }

  static boolean overlap(MedianInterval a, MedianInterval b) {
    return a.low() <= b.high() && b.low() <= a.high();
  }

  static double medianOf(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  static String speedup(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  static String number(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
