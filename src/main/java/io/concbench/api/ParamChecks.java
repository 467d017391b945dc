package io.concbench.api;

import java.math.BigDecimal;

/** What the parameter kinds share: number parsing and the one-line messages of --param. */
final class ParamChecks {

  private ParamChecks() {}

  /**
   * Digits with '_' separators, or a power-of-ten shorthand (2e6), as a long. Plain loops and no regular
   * expression: a worker JVM parses its parameters on its start-up path.
   */
  static long wholeNumber(String text) {
    String digits = text.strip().replace("_", "");
    if (digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
      return new BigDecimal(digits).longValueExact();
    }
    return Long.parseLong(digits);
  }

  static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  static IllegalArgumentException invalid(String name, String text, String why) {
    return new IllegalArgumentException("invalid value for --param " + name + ": '" + text + "' (" + why + ")");
  }

  static void requireDefaultWithin(String name, boolean within) {
    if (!within) {
      throw new IllegalArgumentException("default of " + name + " is outside its range");
    }
  }
}
