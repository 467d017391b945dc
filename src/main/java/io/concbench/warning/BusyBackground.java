package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.stats.BackgroundCrowding;
import io.concbench.system.BackgroundLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Other processes took cores the result needed during its runs (docs/capacity.md): its times and speedups
 * include them.
 */
final class BusyBackground implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    // Its own busy cores; where the CPU time is unknown, as if every worker computed.
    Result.Timing timing = result.timing();
    double demand = timing.cpuMs() != null ? timing.coresUsed()
        : Math.min(result.benchmarkCase().workers(), context.processors());
    return BackgroundCrowding.crowded(result.backgroundLoad(), demand);
  }

  @Override
  public String message(Result result, WarningContext context) {
    BackgroundLoad load = result.backgroundLoad();
    List<String> sameSession = new ArrayList<>();
    for (BackgroundLoad.BusyProcess p : load.busiest()) {
      if (Boolean.TRUE.equals(p.sameSession()) && p.cores() >= BackgroundCrowding.BUSY_CORES / 2) {
        sameSession.add(p.name());
      }
    }
    String probe = sameSession.isEmpty()
        ? "; efficiency against capacity allows for them as far as the capacity probe sees them"
        : "; " + String.join(", ", sameSession) + " runs in concbench's own session, where the scheduler shares "
            + "the cores thread by thread and the capacity probe over-reads what the runs got, so efficiency "
            + "against capacity reads low";
    return String.format(Locale.ROOT, "other processes used %.2f cores during these runs%s: they compete for the "
        + "cores, so times and speedups include them%s (docs/capacity.md): stop them or measure on a quieter "
        + "machine", load.otherCores(), BackgroundCrowding.busiest(load), probe);
  }
}
