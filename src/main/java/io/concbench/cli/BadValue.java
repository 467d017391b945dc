package io.concbench.cli;

import picocli.CommandLine.TypeConversionException;

/**
 * A value that a converter refused, as users see it: one line, exit status 2, the same words as the checks
 * that run after parsing ("invalid value for --format: 'yaml' (expected one of: table, json)"). The converter
 * knows the value and why it is wrong; the option's name is picocli's, which {@link Cli} adds.
 */
final class BadValue extends TypeConversionException {

  private final String value;
  private final String why;

  private BadValue(String value, String why) {
    super("'" + value + "'" + why);
    this.value = value;
    this.why = why;
  }

  /** "'V' (reason)". */
  static BadValue because(String value, String reason) {
    return new BadValue(value, " (" + reason + ")");
  }

  /** "'V' is unavailable: reason", for a known name that cannot run here. */
  static BadValue unavailable(String value, String reason) {
    return new BadValue(value, " is unavailable: " + reason);
  }

  /** The one line without the command's prefix: "invalid value for --format: 'yaml' (...)". */
  String line(String option) {
    return "invalid value for " + option + ": '" + value + "'" + why;
  }
}
