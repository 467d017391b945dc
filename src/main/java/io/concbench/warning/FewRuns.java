package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.result.Summary;

/** {@code --runs 1}: one figure, no interval, nothing to tell noise from a difference. */
final class SingleRun implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    Summary wall = result.timing().wallMs();
    return !WideInterval.hasInterval(wall) && wall.samples().size() < 2;
  }

  @Override
  public String message(Result result, WarningContext context) {
    return "only one measured run: no confidence interval; use --runs 2 or more";
  }
}
