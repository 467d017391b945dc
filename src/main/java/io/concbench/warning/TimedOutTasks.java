package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/** Process executors: tasks ran over {@code --task-timeout}, and their workers were killed. */
final class TimedOutTasks implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.outcome().timedOutTasks() > 0;
  }

  @Override
  public String message(Result result, WarningContext context) {
    return String.format(Locale.ROOT, "%d task(s) ran over --task-timeout; their workers were killed and replaced",
        result.outcome().timedOutTasks());
  }
}
