package io.concbench.stats;

/**
 * What {@code concbench ab} concludes from the confidence interval of the ratio B/A (see docs/ab.md):
 * <ul>
 *   <li>{@code regressed}: B is slower beyond doubt (the interval lies above 1) and a slowdown beyond the
 *       threshold is not ruled out (its upper end is above 1 + threshold);
 *   <li>{@code improved}: the mirror image (below 1, lower end below 1 / (1 + threshold));
 *   <li>{@code no change}: the whole interval lies within the threshold either way, or it lies on one side of
 *       1 but within the threshold: any change there is smaller than what counts;
 *   <li>{@code inconclusive}: anything else, and always before the minimum number of rounds.
 * </ul>
 * Every verdict but {@code inconclusive} is certain: more rounds narrow the interval, and a narrower interval
 * inside one of those regions stays there, except that a significant slowdown whose interval later shrinks
 * below 1 + threshold turns from {@code regressed} into {@code no change}.
 */
public enum PairedVerdict {
  IMPROVED("improved"),
  REGRESSED("regressed"),
  NO_CHANGE("no change"),
  INCONCLUSIVE("inconclusive");

  private final String label;

  PairedVerdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /**
   * The verdict on a ratio interval [low, high] (B/A) from {@code rounds} paired rounds.
   *
   * @param threshold the smallest change that counts, a fraction (0.05 = 5 %)
   */
  public static PairedVerdict judge(double low, double high, int rounds, int minRounds, double threshold) {
    if (rounds < minRounds || !(low > 0) || !Double.isFinite(high)) {
      return INCONCLUSIVE;
    }
    double up = 1 + threshold;
    double down = 1 / up;
    if (low > 1) {
      return high > up ? REGRESSED : NO_CHANGE;
    }
    if (high < 1) {
      return low < down ? IMPROVED : NO_CHANGE;
    }
    return low >= down && high <= up ? NO_CHANGE : INCONCLUSIVE;
  }
}
