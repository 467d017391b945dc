package io.concbench.warning;

import io.concbench.capacity.CapacityMath;
import io.concbench.result.CapacitySummary;
import io.concbench.result.Result;
import java.util.Locale;

/** The machine gave clearly fewer cores than the result's workers asked for (docs/capacity.md). */
final class LowCapacity implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    CapacitySummary probe = result.capacity().probe();
    return probe != null && CapacityMath.lowCapacity(probe.median(), probe.k());
  }

  @Override
  public String message(Result result, WarningContext context) {
    CapacitySummary probe = result.capacity().probe();
    return String.format(Locale.ROOT, "the machine delivered %.2f of %d cores during this run; speedups are capped "
        + "by that, not by the executor (a shared host's second core comes and goes: see docs/capacity.md)",
        probe.median(), probe.k());
  }
}
