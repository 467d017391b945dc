package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.stats.Summaries;
import java.util.Locale;

/** Fewer runs than an interval needs: nothing to tell noise from a difference, and the report shows no ±. */
final class FewRuns implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.timing().wallMs().samples().size() < Summaries.MIN_RUNS_FOR_INTERVAL;
  }

  @Override
  public String message(Result result, WarningContext context) {
    int runs = result.timing().wallMs().samples().size();
    String counted = runs == 1 ? "only one measured run" : String.format(Locale.ROOT, "only %d measured runs", runs);
    return String.format(Locale.ROOT, "%s: no confidence interval (below %d runs a 99.9%% interval is wider than "
        + "anything the runs could mean); use --runs %d or more", counted, Summaries.MIN_RUNS_FOR_INTERVAL,
        Summaries.MIN_RUNS_FOR_INTERVAL);
  }
}
