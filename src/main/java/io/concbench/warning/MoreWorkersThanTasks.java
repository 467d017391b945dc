package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/**
 * More workers than tasks: the extra workers had nothing to do, yet efficiency divides the speedup by all of
 * them and reads low for the executor's sake. The planner refuses it when the user typed either count; this
 * rule is for defaults, --workers's processors against a workload's task count.
 */
final class MoreWorkersThanTasks implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return context.parallel() && result.benchmarkCase().workers() > result.benchmarkCase().tasks();
  }

  @Override
  public String message(Result result, WarningContext context) {
    int workers = result.benchmarkCase().workers();
    int tasks = result.benchmarkCase().tasks();
    return String.format(Locale.ROOT, "%d workers for %d task%s: %d had nothing to do, so efficiency (speedup / "
        + "workers) understates the executor; pass --workers %d or fewer, or --tasks %d or more", workers, tasks,
        tasks == 1 ? "" : "s", workers - tasks, tasks, workers);
  }
}
