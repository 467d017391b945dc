package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.result.Summary;
import java.util.Locale;

/** The 99.9 % confidence interval of the mean wall time is wider than a tenth of the mean either way. */
final class WideInterval implements WarningRule {

  static final double WIDE_CI_FRACTION = 0.10;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    Summary wall = result.timing().wallMs();
    return hasInterval(wall) && halfWidth(wall) > WIDE_CI_FRACTION * wall.mean();
  }

  @Override
  public String message(Result result, WarningContext context) {
    Summary wall = result.timing().wallMs();
    return String.format(Locale.ROOT, "the 99.9%% confidence interval of the mean is ±%.1f%% wide: raise --runs or "
        + "quiet the machine", 100 * halfWidth(wall) / wall.mean());
  }

  /** Whether the wall time has an interval to judge (two runs or more) and a mean to judge it by. */
  static boolean hasInterval(Summary wall) {
    return wall.ciLow() != null && wall.mean() > 0;
  }

  private static double halfWidth(Summary wall) {
    return (wall.ciHigh() - wall.ciLow()) / 2;
  }
}
