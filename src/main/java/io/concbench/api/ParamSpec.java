package io.concbench.api;

import java.time.Duration;

/**
 * One parameter of a workload: its name, kind, default and the range a user may ask for. The range caps
 * stop a typo (an extra zero or three) from turning into an hour-long run. Five kinds, each a record of its own:
 * a whole number, a decimal, a text, a duration and a size. Each parses what a user types (one-line errors
 * that name the parameter and the value), prints a value back in a form that parses to the same value (what
 * a worker JVM is sent, what labels show), and says how the value is written in JSON ({@link #json}).
 *
 * <p>Canonical values: {@link Long} for integers and sizes (in bytes), {@link Double} for decimals,
 * {@link String} for text, {@link Duration} for durations.
 */
public sealed interface ParamSpec permits IntegerParam, DecimalParam, TextParam, DurationParam, SizeParam {

  String name();

  /** The unit shown after the value in {@code list} ("ms"), empty if none. */
  String unit();

  String description();

  Object defaultValue();

  /**
   * The value of {@code text} as this parameter takes it; {@link IllegalArgumentException} with a one-line
   * message naming the parameter and the value if it is not one.
   */
  Object parse(String text);

  /** A value as text that {@link #parse} turns back into the same value. */
  String format(Object value);

  /**
   * A value as it is written in a report's {@code params}: integers and sizes (bytes) as whole numbers,
   * decimals as numbers, durations as milliseconds (a whole number where they are whole), text as a string.
   */
  Object json(Object value);

  /** The range as {@code list} shows it: "1 to 1000". */
  String range();

  static IntegerParam integer(String name, String unit, long defaultValue, long min, long max,
      String description) {
    return new IntegerParam(name, unit, defaultValue, min, max, description);
  }

  static DecimalParam decimal(String name, String unit, double defaultValue, double min, double max,
      String description) {
    return new DecimalParam(name, unit, defaultValue, min, max, description);
  }

  static TextParam text(String name, String defaultValue, int maxLength, String description) {
    return new TextParam(name, defaultValue, maxLength, description);
  }

  static DurationParam duration(String name, Duration defaultValue, Duration min, Duration max,
      String description) {
    return new DurationParam(name, defaultValue, min, max, description);
  }

  static SizeParam size(String name, long defaultBytes, long minBytes, long maxBytes, String description) {
    return new SizeParam(name, defaultBytes, minBytes, maxBytes, description);
  }
}
