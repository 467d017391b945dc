package io.concbench.api;

import java.math.BigDecimal;

/** A size in bytes, with an optional unit: 512, 64KiB, 1.5MiB, 2GB (B, KiB, MiB, GiB, KB, MB, GB). */
public record SizeParam(String name, Long defaultValue, long min, long max, String description) implements ParamSpec {

  private static final String[] UNITS = {"GiB", "MiB", "KiB", "GB", "MB", "KB", "B", ""};
  private static final long[] BYTES = {1L << 30, 1L << 20, 1L << 10, 1_000_000_000L, 1_000_000L, 1_000L, 1L, 1L};

  public SizeParam {
    ParamChecks.requireDefaultWithin(name, defaultValue >= min && defaultValue <= max);
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
      throw ParamChecks.invalid(name, text, "expected a size such as 512, 64KiB or 1MiB");
    }
    long value;
    try {
      value = new BigDecimal(t.substring(0, split).replace("_", "")).multiply(BigDecimal.valueOf(bytesPerUnit))
          .longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw ParamChecks.invalid(name, text, "not a whole number of bytes");
    }
    if (value < min || value > max) {
      throw ParamChecks.invalid(name, text, "must be between " + format(min) + " and " + format(max));
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
