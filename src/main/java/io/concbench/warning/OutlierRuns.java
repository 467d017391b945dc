package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.result.Summary;
import io.concbench.stats.Summaries;
import java.util.Locale;

/** Runs far from the others, by their modified Z-score: something else may have run in those minutes. */
final class OutlierRuns implements WarningRule {

  /** hyperfine's threshold on the modified Z-score (Iglewicz and Hoaglin use 3.5 for "possible"). */
  static final double OUTLIER_Z = 14.0;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return outliers(result.timing().wallMs()) > 0;
  }

  @Override
  public String message(Result result, WarningContext context) {
    Summary wall = result.timing().wallMs();
    return String.format(Locale.ROOT, "%d of %d runs were statistical outliers: another program or the machine's "
        + "host may have interfered; rerun on a quieter machine or with more --runs", outliers(wall),
        wall.samples().size());
  }

  /** Runs whose modified Z-score, 0.6745 (x - median) / MAD, is beyond the threshold; none where MAD is 0. */
  private static long outliers(Summary wall) {
    double mad = Summaries.medianAbsoluteDeviation(wall.samples());
    if (mad <= 0) {
      return 0;
    }
    return wall.samples().stream().filter(s -> Math.abs(0.6745 * (s - wall.median()) / mad) > OUTLIER_Z).count();
  }
}
