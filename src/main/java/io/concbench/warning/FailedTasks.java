package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/** A task threw or returned a wrong value: the figures time work that was not all done. */
final class FailedTasks implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.outcome().badTasks() > 0;
  }

  @Override
  public String message(Result result, WarningContext context) {
    Result.Outcome o = result.outcome();
    return String.format(Locale.ROOT, "%d task(s) failed and %d returned a wrong result; first: %s",
        o.failedTasks(), o.unverifiedTasks(), o.firstFailure());
  }
}
