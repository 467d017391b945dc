package io.concbench.api;

/** A whole number: digits with optional '_' separators (2_000_000), or a power of ten (2e6). */
public record IntegerParam(String name, String unit, Long defaultValue, long min, long max, String description)
    implements ParamSpec {

  public IntegerParam {
    ParamChecks.requireDefaultWithin(name, defaultValue >= min && defaultValue <= max);
  }

  @Override
  public Long parse(String text) {
    long value;
    try {
      value = ParamChecks.wholeNumber(text);
    } catch (NumberFormatException | ArithmeticException e) {
      throw ParamChecks.invalid(name, text, "expected a whole number");
    }
    if (value < min || value > max) {
      throw ParamChecks.invalid(name, text, "must be between " + min + " and " + max);
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
