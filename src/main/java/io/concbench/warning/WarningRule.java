package io.concbench.warning;

import io.concbench.result.Result;

/**
 * One sign that a result's figures should not be trusted as they are, as hyperfine's warnings are: whether
 * it applies to a result, and what it says then. A rule reads only the assembled result and its
 * {@link WarningContext}; {@link WarningRules} runs them all.
 */
public interface WarningRule {

  boolean appliesTo(Result result, WarningContext context);

  /** The warning's text; asked only of a result the rule applies to. */
  String message(Result result, WarningContext context);
}
