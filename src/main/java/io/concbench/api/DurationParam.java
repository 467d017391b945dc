package io.concbench.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** A duration with its unit: 500ms, 2s, 1.5s, 250us, 3m, 1h (ns, us, ms, s, m, h). */
public record DurationParam(String name, Duration defaultValue, Duration min, Duration max, String description)
    implements ParamSpec {

  private static final String[] UNITS = {"h", "m", "s", "ms", "us", "ns"};
  private static final long[] NANOS = {3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L,
      1_000L, 1L};

  public DurationParam {
    ParamChecks.requireDefaultWithin(name, defaultValue.compareTo(min) >= 0 && defaultValue.compareTo(max) <= 0);
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
      throw ParamChecks.invalid(name, text, "expected a number and a unit: ns, us, ms, s, m or h, e.g. 500ms or 2s");
    }
    Duration value;
    try {
      value = Duration.ofNanos(new BigDecimal(t.substring(0, split)).multiply(BigDecimal.valueOf(nanosPerUnit))
          .longValueExact());
    } catch (NumberFormatException | ArithmeticException e) {
      throw ParamChecks.invalid(name, text, "not a whole number of nanoseconds under 292 years");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw ParamChecks.invalid(name, text, "must be between " + format(min) + " and " + format(max));
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
