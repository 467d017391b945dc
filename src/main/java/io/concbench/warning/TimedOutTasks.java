package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/**
 * Tasks ran over {@code --task-timeout}: on a process executor their workers were killed and replaced, on
 * {@code cluster} their members killed (members are not replaced), for commands their process groups killed.
 */
final class TimedOutTasks implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.outcome().timedOutTasks() > 0;
  }

  @Override
  public String message(Result result, WarningContext context) {
    boolean commands = result.benchmarkCase().workload().equals("command");
    boolean cluster = result.benchmarkCase().executor().equals("cluster");
    return String.format(Locale.ROOT, "%d task(s) ran over --task-timeout; %s", result.outcome().timedOutTasks(),
        commands ? "their commands' process groups were killed"
            : cluster ? "their members were killed (members are not replaced)"
            : "their workers were killed and replaced");
  }
}
