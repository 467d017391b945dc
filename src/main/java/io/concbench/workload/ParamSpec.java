package io.concbench.workload;

import java.util.Locale;

/**
 * One integer parameter of a workload, with its default and the range a user may ask for. The range caps
 * stop a typo (an extra zero or three) from turning into an hour-long run.
 */
public record ParamSpec(String name, String unit, long defaultValue, long min, long max, String description) {

  public ParamSpec {
    if (defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException("default of " + name + " is outside its range");
    }
  }

  /**
   * Parses a user's value: digits with optional '_' separators (2_000_000), or a power-of-ten shorthand
   * (2e6). Throws {@link IllegalArgumentException} with a message that names the parameter and the value.
   */
  public long parse(String text) {
    String digits = text.strip().replace("_", "");
    long value;
    try {
      if (digits.toLowerCase(Locale.ROOT).contains("e")) {
        value = new java.math.BigDecimal(digits).longValueExact();
      } else {
        value = Long.parseLong(digits);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "invalid value for --param " + name + ": '" + text + "' (expected a whole number)");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          String.format(Locale.ROOT, "invalid value for --param %s: '%s' (must be between %d and %d)",
              name, text, min, max));
    }
    return value;
  }
}
