package io.concbench.stats;

import java.util.Arrays;

/**
 * The one-sample (paired) Wilcoxon signed-rank procedure on n paired differences: the Hodges–Lehmann
 * estimate (the median of the n(n+1)/2 Walsh averages (d_i + d_j) / 2, i ≤ j), the distribution-free
 * confidence interval that goes with the test (from the k-th smallest to the k-th largest Walsh average, k
 * from the exact null distribution of the signed-rank statistic, as R's {@code wilcox.test(conf.int = TRUE)}
 * picks it), and the two-sided p-value. Exact up to {@value #EXACT_UP_TO} differences (ties share their mean
 * rank and the distribution is taken over those ranks); beyond, the normal approximation with continuity
 * correction. Differences of exactly zero are dropped for the test, as Wilcoxon's convention has it.
 */
public final class SignedRankInterval {

  static final int EXACT_UP_TO = 200;

  /**
   * @param n differences used
   * @param estimate the Hodges–Lehmann estimate
   * @param low lower bound, or -Infinity when n differences cannot reach the confidence asked (n &lt; 8 at 99 %)
   * @param high upper bound, or +Infinity likewise
   * @param pValue two-sided p of the signed-rank test (1 when every difference is zero)
   */
  public record Estimate(int n, double estimate, double low, double high, double pValue) {
    public boolean bounded() {
      return Double.isFinite(low) && Double.isFinite(high);
    }
  }

  private SignedRankInterval() {}

  /** The procedure on paired differences, the interval at {@code confidence} (0.99 = 99 %). */
  public static Estimate of(double[] differences, double confidence) {
    int n = differences.length;
    if (n == 0) {
      throw new IllegalArgumentException("no differences");
    }
    double[] walsh = walshAverages(differences);
    double estimate = median(walsh);
    int k = criticalOrder(n, (1 - confidence) / 2);
    double low = k == 0 ? Double.NEGATIVE_INFINITY : walsh[k - 1];
    double high = k == 0 ? Double.POSITIVE_INFINITY : walsh[walsh.length - k];
    return new Estimate(n, estimate, low, high, pValue(differences));
  }

  /** All (d_i + d_j) / 2 for i ≤ j, sorted. */
  static double[] walshAverages(double[] d) {
    int n = d.length;
    double[] walsh = new double[n * (n + 1) / 2];
    int next = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        walsh[next++] = (d[i] + d[j]) / 2;
      }
    }
    Arrays.sort(walsh);
    return walsh;
  }

  private static double median(double[] sorted) {
    int m = sorted.length;
    return m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  }

  /**
   * The smallest x with P(W ≤ x) ≥ tail under the null distribution of W for n untied differences (R's
   * {@code qsignrank}); 0 when even x = 0 has that probability, i.e. the interval cannot be had.
   */
  static int criticalOrder(int n, double tail) {
    if (n > EXACT_UP_TO) {
      double mean = n * (n + 1) / 4.0;
      double sd = Math.sqrt(n * (n + 1) * (2.0 * n + 1) / 24);
      double z = new org.apache.commons.math3.distribution.NormalDistribution().inverseCumulativeProbability(tail);
      return Math.max(0, (int) Math.floor(mean + z * sd + 0.5));
    }
    int[] ranks = new int[n];
    for (int i = 0; i < n; i++) {
      ranks[i] = i + 1;
    }
    double[] p = distribution(ranks);
    double cumulative = 0;
    for (int x = 0; x < p.length; x++) {
      cumulative += p[x];
      if (cumulative >= tail * (1 - 1e-12)) {
        return x;
      }
    }
    return p.length - 1;
  }

  /**
   * The null distribution of the sum of the ranks that carry a + sign, each sign + or − with probability
   * 1/2: index s holds P(sum = s). Ranks are integers (doubled mean ranks where ties share one).
   */
  static double[] distribution(int[] ranks) {
    int total = 0;
    for (int r : ranks) {
      total += r;
    }
    double[] p = new double[total + 1];
    p[0] = 1;
    int reach = 0;
    for (int r : ranks) {
      for (int s = reach; s >= 0; s--) {
        double here = p[s] / 2;
        p[s] = here;
        p[s + r] += here;
      }
      reach += r;
    }
    return p;
  }

  /** Two-sided p of the signed-rank test on the differences: twice the smaller tail, at most 1. */
  static double pValue(double[] differences) {
    double[] nonZero = Arrays.stream(differences).filter(d -> d != 0).toArray();
    int n = nonZero.length;
    if (n == 0) {
      return 1;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(Math.abs(nonZero[x]), Math.abs(nonZero[y])));
    int[] doubledRanks = new int[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && Math.abs(nonZero[order[j + 1]]) == Math.abs(nonZero[order[i]])) {
        j++;
      }
      // Mean rank of positions i..j (1-based), doubled to stay an integer: (i + 1) + (j + 1).
      for (int t = i; t <= j; t++) {
        doubledRanks[order[t]] = i + j + 2;
      }
      i = j + 1;
    }
    int positive = 0;
    int total = 0;
    for (int i = 0; i < n; i++) {
      total += doubledRanks[i];
      if (nonZero[i] > 0) {
        positive += doubledRanks[i];
      }
    }
    if (n > EXACT_UP_TO) {
      double mean = total / 2.0;
      double variance = 0;
      for (int r : doubledRanks) {
        variance += r * (double) r / 4;
      }
      double distance = Math.max(0, Math.abs(positive - mean) - 1); // continuity: steps of 2 in doubled ranks
      double z = distance / Math.sqrt(variance);
      return Math.min(1, 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution()
          .cumulativeProbability(z)));
    }
    double[] p = distribution(doubledRanks);
    double lower = 0;
    for (int s = 0; s <= positive; s++) {
      lower += p[s];
    }
    double upper = 0;
    for (int s = positive; s < p.length; s++) {
      upper += p[s];
    }
    return Math.min(1, 2 * Math.min(lower, upper));
  }
}
