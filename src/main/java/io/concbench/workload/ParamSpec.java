package io.concbench.workload;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * One parameter of a workload: its name, kind, default and the range a user may ask for. The range caps
 * stop a typo (an extra zero or three) from turning into an hour-long run. Five kinds, each a record below:
 * a whole number, a decimal, a text, a duration and a size. Each parses what a user types (one-line errors
 * that name the parameter and the value), prints a value back in a form that parses to the same value (what
 * a worker JVM is sent, what labels show), and says how the value is written in JSON ({@link #json}).
 *
 * <p>Canonical values: {@link Long} for integers and sizes (in bytes), {@link Double} for decimals,
 * {@link String} for text, {@link Duration} for durations.
 */
public sealed interface ParamSpec {

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

  /** A whole number: digits with optional '_' separators (2_000_000), or a power of ten (2e6). */
  record IntegerParam(String name, String unit, Long defaultValue, long min, long max, String description)
      implements ParamSpec {

    public IntegerParam {
      requireDefaultWithin(name, defaultValue >= min && defaultValue <= max);
    }

    @Override
    public Long parse(String text) {
      long value;
      try {
        value = wholeNumber(text);
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid(name, text, "expected a whole number");
      }
      if (value < min || value > max) {
        throw invalid(name, text, "must be between " + min + " and " + max);
      }
      return value;
    }

    @Override
    public String format(Object value) {
      return value.toString();
    }

    @Override
    public Object json(Object value) {
      return value;
    }

    @Override
    public String range() {
      return min + " to " + max;
    }
  }

  /** A number with a fraction: 0.5, 2.5e-3. */
  record DecimalParam(String name, String unit, Double defaultValue, double min, double max, String description)
      implements ParamSpec {

    public DecimalParam {
      requireDefaultWithin(name, defaultValue >= min && defaultValue <= max);
    }

    @Override
    public Double parse(String text) {
      double value;
      try {
        value = Double.parseDouble(text.strip().replace("_", ""));
      } catch (NumberFormatException e) {
        throw invalid(name, text, "expected a number");
      }
      if (!(value >= min && value <= max)) { // NaN is outside every range
        throw invalid(name, text, "must be between " + plain(min) + " and " + plain(max));
      }
      return value;
    }

    @Override
    public String format(Object value) {
      return Double.toString((Double) value); // the shortest text that parses back to the same double
    }

    @Override
    public Object json(Object value) {
      return value;
    }

    @Override
    public String range() {
      return plain(min) + " to " + plain(max);
    }
  }

  /**
   * Any text of at most {@code maxLength} characters: a command line, a file name. At most
   * {@value #MAX_LENGTH}: a worker JVM is sent it as modified UTF-8 of at most 65535 bytes.
   */
  record TextParam(String name, String defaultValue, int maxLength, String description) implements ParamSpec {

    static final int MAX_LENGTH = 16_384;

    public TextParam {
      if (maxLength > MAX_LENGTH) {
        throw new IllegalArgumentException(name + " may not take more than " + MAX_LENGTH + " characters");
      }
      requireDefaultWithin(name, defaultValue.length() <= maxLength);
    }

    @Override
    public String unit() {
      return "";
    }

    @Override
    public String parse(String text) {
      if (text.length() > maxLength) {
        throw invalid(name, text.length() > 40 ? text.substring(0, 40) + "..." : text,
            "at most " + maxLength + " characters");
      }
      return text;
    }

    @Override
    public String format(Object value) {
      return (String) value;
    }

    @Override
    public Object json(Object value) {
      return value;
    }

    @Override
    public String range() {
      return "text of at most " + maxLength + " characters";
    }
  }

  /** A duration with its unit: 500ms, 2s, 1.5s, 250us, 3m, 1h (ns, us, ms, s, m, h). */
  record DurationParam(String name, Duration defaultValue, Duration min, Duration max, String description)
      implements ParamSpec {

    private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};
    private static final long[] NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L,
        1_000L, 1L};

    public DurationParam {
      requireDefaultWithin(name, defaultValue.compareTo(min) >= 0 && defaultValue.compareTo(max) <= 0);
    }

    @Override
    public String unit() {
      return "";
    }

    @Override
    public Duration parse(String text) {
      String t = text.strip().toLowerCase(Locale.ROOT);
      int split = 0;
      while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.')) {
        split++;
      }
      long nanosPerUnit = -1;
      for (int i = 0; i < UNITS.length; i++) {
        if (UNITS[i].equals(t.substring(split))) {
          nanosPerUnit = NANOS[i];
        }
      }
      if (split == 0 || nanosPerUnit < 0) {
        throw invalid(name, text, "expected a number and a unit: ns, us, ms, s, m or h, e.g. 500ms or 2s");
      }
      Duration value;
      try {
        value = Duration.ofNanos(new BigDecimal(t.substring(0, split)).multiply(BigDecimal.valueOf(nanosPerUnit))
            .longValueExact());
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid(name, text, "not a whole number of nanoseconds under 292 years");
      }
      if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
        throw invalid(name, text, "must be between " + format(min) + " and " + format(max));
      }
      return value;
    }

    @Override
    public String format(Object value) {
      long nanos = ((Duration) value).toNanos();
      for (int i = 0; i < UNITS.length; i++) {
        if (nanos % NANOS[i] == 0 && (nanos != 0 || i == 3)) {
          return nanos / NANOS[i] + UNITS[i];
        }
      }
      return nanos + "ns";
    }

    @Override
    public Object json(Object value) {
      long nanos = ((Duration) value).toNanos();
      return nanos % 1_000_000 == 0 ? (Object) (nanos / 1_000_000) : (Object) (nanos / 1e6);
    }

    @Override
    public String range() {
      return format(min) + " to " + format(max);
    }
  }

  /** A size in bytes, with an optional unit: 512, 64KiB, 1.5MiB, 2GB (B, KiB, MiB, GiB, KB, MB, GB). */
  record SizeParam(String name, Long defaultValue, long min, long max, String description) implements ParamSpec {

    private static final String[] UNITS = {"GiB", "MiB", "KiB", "GB", "MB", "KB", "B", ""};
    private static final long[] BYTES = {1L << 30, 1L << 20, 1L << 10, 1_000_000_000L, 1_000_000L, 1_000L, 1L, 1L};

    public SizeParam {
      requireDefaultWithin(name, defaultValue >= min && defaultValue <= max);
    }

    @Override
    public String unit() {
      return "bytes";
    }

    @Override
    public Long parse(String text) {
      String t = text.strip();
      int split = 0;
      while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.'
          || t.charAt(split) == '_')) {
        split++;
      }
      long bytesPerUnit = -1;
      for (int i = 0; i < UNITS.length; i++) {
        if (UNITS[i].equalsIgnoreCase(t.substring(split).strip())) {
          bytesPerUnit = BYTES[i];
          break;
        }
      }
      if (split == 0 || bytesPerUnit < 0) {
        throw invalid(name, text, "expected a size such as 512, 64KiB or 1MiB");
      }
      long value;
      try {
        value = new BigDecimal(t.substring(0, split).replace("_", "")).multiply(BigDecimal.valueOf(bytesPerUnit))
            .longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw invalid(name, text, "not a whole number of bytes");
      }
      if (value < min || value > max) {
        throw invalid(name, text, "must be between " + format(min) + " and " + format(max));
      }
      return value;
    }

    @Override
    public String format(Object value) {
      long bytes = (Long) value;
      for (int i = 0; i < 3; i++) { // the binary units, largest first
        if (bytes != 0 && bytes % BYTES[i] == 0) {
          return bytes / BYTES[i] + UNITS[i];
        }
      }
      return bytes + "B";
    }

    @Override
    public Object json(Object value) {
      return value;
    }

    @Override
    public String range() {
      return format(min) + " to " + format(max);
    }
  }

  /**
   * Digits with '_' separators, or a power-of-ten shorthand (2e6), as a long. Plain loops and no regular
   * expression: a worker JVM parses its parameters on its start-up path.
   */
  private static long wholeNumber(String text) {
    String digits = text.strip().replace("_", "");
    if (digits.indexOf('e') >= 0 || digits.indexOf('E') >= 0) {
      return new BigDecimal(digits).longValueExact();
    }
    return Long.parseLong(digits);
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static IllegalArgumentException invalid(String name, String text, String why) {
    return new IllegalArgumentException("invalid value for --param " + name + ": '" + text + "' (" + why + ")");
  }

  private static void requireDefaultWithin(String name, boolean within) {
    if (!within) {
      throw new IllegalArgumentException("default of " + name + " is outside its range");
    }
  }
}
