package io.concbench.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The two-sided Mann–Whitney U (Wilcoxon rank-sum) test, and the rank of Moses' interval that goes with it.
 *
 * <p>Why not commons-math3's {@code MannWhitneyUTest}: 3.6.1 has only the normal approximation, without
 * continuity correction, which with the 5 to 10 runs a side that CI gates use is far off (8 runs against 8
 * wholly apart: 0.00078 instead of the exact 0.00016, 5 times too large). So the p-value here is exact for
 * samples of up to {@link #EXACT_LIMIT} runs together: the permutation distribution of the rank sum, every
 * way of drawing the smaller sample's ranks from the pooled ranks equally likely. Without ties that is the
 * classic exact distribution of U; with ties (CPU time counts 10 ms ticks) the tied values share their mean
 * rank and the distribution is the exact conditional one, which tables of U would get wrong. Beyond the limit
 * (where the approximation is good) it is the normal approximation with tie and continuity corrections.
 */
final class RankSumTest {

  /** Up to this many runs on both sides together the distribution is computed exactly (~10 ms at most). */
  static final int EXACT_LIMIT = 60;

  private static final NormalDistribution NORMAL = new NormalDistribution();

  private RankSumTest() {}

  /** The two-sided p-value of the hypothesis that x and y come from one distribution. */
  static double pValue(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("a rank test needs samples on both sides");
    }
    // The smaller sample's rank sum: its distribution is the cheaper one to compute, and the test symmetric.
    double[] small = x.length <= y.length ? x : y;
    double[] large = small == x ? y : x;
    int[] doubledRanks = doubledMidranks(small, large);
    int n = doubledRanks.length;
    int m = small.length;
    int observed = 0;
    for (int i = 0; i < m; i++) {
      observed += doubledRanks[i];
    }
    if (n <= EXACT_LIMIT) {
      return exact(doubledRanks, m, observed);
    }
    return normal(doubledRanks, m, large.length, observed);
  }

  /**
   * Twice the midrank of every value in the pooled sample, the first sample's first: integers even where
   * ties share a half rank, so rank sums can index an array.
   */
  private static int[] doubledMidranks(double[] first, double[] second) {
    int n = first.length + second.length;
    double[] values = new double[n];
    System.arraycopy(first, 0, values, 0, first.length);
    System.arraycopy(second, 0, values, first.length, second.length);
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
    int[] ranks = new int[n];
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && values[order[end + 1]] == values[order[start]]) {
        end++;
      }
      // Ranks start + 1 .. end + 1 share their mean; twice it is start + end + 2.
      for (int k = start; k <= end; k++) {
        ranks[order[k]] = start + end + 2;
      }
      start = end + 1;
    }
    return ranks;
  }

  /**
   * P(the rank sum of m ranks drawn from all n is as extreme as observed), both tails: twice the smaller
   * tail, at most 1.
   */
  private static double exact(int[] doubledRanks, int m, int observed) {
    double[] ways = subsetSums(doubledRanks, m);
    double total = 0;
    double atMost = 0;
    double atLeast = 0;
    for (int s = 0; s < ways.length; s++) {
      total += ways[s];
      if (s <= observed) {
        atMost += ways[s];
      }
      if (s >= observed) {
        atLeast += ways[s];
      }
    }
    return Math.min(1, 2 * Math.min(atMost, atLeast) / total);
  }

  /**
   * How many subsets of m of the doubled ranks have each sum (index: the sum), counted one rank at a time
   * (O(n · m · sum)). Doubles: C(60, 30) passes 2^53, and only positive numbers are added, so the relative
   * error stays near 1e-15.
   */
  private static double[] subsetSums(int[] doubledRanks, int m) {
    int[] sorted = doubledRanks.clone();
    Arrays.sort(sorted);
    int maxSum = 0;
    for (int i = 0; i < m; i++) {
      maxSum += sorted[sorted.length - 1 - i];
    }
    // ways[k][s]: subsets of size k of the ranks seen so far whose doubled ranks sum to s.
    double[][] ways = new double[m + 1][maxSum + 1];
    ways[0][0] = 1;
    for (int rank : doubledRanks) {
      for (int k = m; k >= 1; k--) {
        double[] into = ways[k];
        double[] from = ways[k - 1];
        for (int s = maxSum; s >= rank; s--) {
          into[s] += from[s - rank];
        }
      }
    }
    return ways[m];
  }

  /** The normal approximation of U with the tie correction of its variance and a continuity correction. */
  private static double normal(int[] doubledRanks, int m, int other, int observed) {
    int n = doubledRanks.length;
    double u = observed / 2.0 - m * (m + 1) / 2.0;
    double mean = (double) m * other / 2;
    double ties = 0;
    int[] sorted = doubledRanks.clone();
    Arrays.sort(sorted);
    for (int start = 0; start < n; ) {
      int end = start;
      while (end + 1 < n && sorted[end + 1] == sorted[start]) {
        end++;
      }
      double t = end - start + 1;
      ties += t * t * t - t;
      start = end + 1;
    }
    double variance = (double) m * other / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
    if (variance <= 0) {
      return 1; // every value the same
    }
    double z = Math.max(0, Math.abs(u - mean) - 0.5) / Math.sqrt(variance);
    return Math.min(1, 2 * NORMAL.cumulativeProbability(-z));
  }

  /**
   * The 0-based index of the lower bound of Moses' interval among the m·n sorted pairwise differences. The
   * interval from the k-th smallest to the k-th largest difference (1-based) holds the shift with probability
   * 1 − 2·P(U &lt; k) (Lehmann), so k is the largest with P(U &lt; k) at most (1 − confidence) / 2. Exact (no
   * ties: the interval assumes continuous samples) up to {@link #EXACT_LIMIT} runs together, the normal
   * approximation beyond; 0, the whole range, when no k reaches the confidence, as with 4 runs a side at 99 %.
   */
  static int mosesRank(int m, int n, double confidence) {
    double tail = (1 - confidence) / 2;
    if (m + n > EXACT_LIMIT) {
      double z = NORMAL.inverseCumulativeProbability(1 - tail);
      double k = m * n / 2.0 - z * Math.sqrt(m * n * (m + n + 1) / 12.0);
      return (int) Math.max(0, Math.floor(k));
    }
    double[] probabilities = uDistribution(Math.min(m, n), Math.max(m, n));
    double below = 0; // P(U < k)
    int k = 0;
    // The 1e-12: P(U < k) equal to the tail (as 1/200 can be) must count as within it despite rounding.
    while (k < probabilities.length && below + probabilities[k] <= tail * (1 + 1e-12)) {
      below += probabilities[k];
      k++;
    }
    return Math.max(0, k - 1);
  }

  /** P(U = u) for u = 0 .. m·n, samples of m and n without ties: the rank sum of m of the ranks 1 .. m + n. */
  private static double[] uDistribution(int m, int n) {
    int[] doubledRanks = new int[m + n];
    Arrays.setAll(doubledRanks, i -> 2 * (i + 1));
    double[] ways = subsetSums(doubledRanks, m);
    // The least doubled rank sum of m is m(m + 1); U = (sum - m(m + 1)) / 2.
    double[] probabilities = new double[m * n + 1];
    double total = 0;
    for (int s = m * (m + 1); s < ways.length; s += 2) {
      probabilities[(s - m * (m + 1)) / 2] = ways[s];
      total += ways[s];
    }
    for (int u = 0; u < probabilities.length; u++) {
      probabilities[u] /= total;
    }
    return probabilities;
  }
}
