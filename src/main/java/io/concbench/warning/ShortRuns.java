package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/** Runs so short that the clock and the dispatch around them are a noticeable part of their time. */
final class ShortRuns implements WarningRule {

  static final double SHORT_RUN_MS = 5.0;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.timing().wallMs().median() < SHORT_RUN_MS;
  }

  @Override
  public String message(Result result, WarningContext context) {
    return String.format(Locale.ROOT, "runs took only %.3f ms, too short to time reliably: raise --tasks or the "
        + "work per task", result.timing().wallMs().median());
  }
}
