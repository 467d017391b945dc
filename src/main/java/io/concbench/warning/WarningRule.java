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

  /**
   * The rule's name in the JSON's {@code warning_rules} and in the summary of warnings: its class's name in
   * words joined by hyphens ({@code WideInterval}: "wide-interval"), so that a rule cannot be added without
   * one. Stable: scripts may filter on it.
   */
  default String name() {
    return getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
  }
}
