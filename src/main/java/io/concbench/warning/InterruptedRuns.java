package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/** Ctrl-C or SIGTERM cut the run short: the result rests on the rounds every case completed. */
final class InterruptedRuns implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.timing().runs() < context.requestedRuns();
  }

  @Override
  public String message(Result result, WarningContext context) {
    return String.format(Locale.ROOT, "interrupted: %d of %d measured runs (the rounds every result completed); its "
        + "figures rest on fewer runs than asked", result.timing().runs(), context.requestedRuns());
  }
}
