package io.concbench.warning;

import io.concbench.result.MedianInterval;
import io.concbench.result.Result;
import java.util.Locale;

/** The rounds disagree so much that the median efficiency against capacity cannot answer its question. */
final class UncertainEfficiency implements WarningRule {

  /**
   * Wider than this, a median efficiency against capacity cannot tell "used what the machine gave" (1.0) from
   * "lost 15 %": the question the figure is there to answer.
   */
  static final double EFFICIENCY_INTERVAL_WIDTH = 0.3;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    MedianInterval interval = result.capacity().efficiencyVsCapacityCi();
    return interval != null && interval.high() - interval.low() > EFFICIENCY_INTERVAL_WIDTH;
  }

  /** The interval comes from one efficiency per measured round, so the rounds are the runs. */
  @Override
  public String message(Result result, WarningContext context) {
    MedianInterval interval = result.capacity().efficiencyVsCapacityCi();
    return String.format(Locale.ROOT, "efficiency against capacity %.2f is uncertain: over %d rounds its median "
        + "lies between %.2f and %.2f (%.1f%% confidence); on a shared host the capacity can change within a "
        + "round, so that its probe and its runs see different moments (docs/capacity.md): raise --runs",
        result.capacity().efficiencyVsCapacity(), result.timing().runs(), interval.low(), interval.high(),
        100 * interval.confidence());
  }
}
