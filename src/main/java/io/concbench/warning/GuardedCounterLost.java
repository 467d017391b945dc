package io.concbench.warning;

import io.concbench.executor.Guard;
import io.concbench.result.CounterSummary;
import io.concbench.result.Result;
import java.util.Locale;

/** A guard other than {@code none} lost counter updates: that is a bug, not the lesson's race. */
final class GuardedCounterLost implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    String guard = result.benchmarkCase().guard();
    CounterSummary counter = result.outcome().counter();
    return guard != null && counter != null && !Guard.fromLabel(guard).racy() && counter.lost() != 0;
  }

  @Override
  public String message(Result result, WarningContext context) {
    return String.format(Locale.ROOT, "the %s guard lost %d counter updates: a guarded counter must be exact",
        result.benchmarkCase().guard(), result.outcome().counter().lost());
  }
}
