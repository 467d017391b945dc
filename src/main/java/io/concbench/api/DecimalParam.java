package io.concbench.api;

/** A number with a fraction: 0.5, 2.5e-3. */
public record DecimalParam(String name, String unit, Double defaultValue, double min, double max, String description)
    implements ParamSpec {

  public DecimalParam {
    ParamChecks.requireDefaultWithin(name, defaultValue >= min && defaultValue <= max);
  }

  @Override
  public Double parse(String text) {
    double value;
    try {
      value = Double.parseDouble(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw ParamChecks.invalid(name, text, "expected a number");
    }
    if (!(value >= min && value <= max)) { // NaN is outside every range
      throw ParamChecks.invalid(name, text, "must be between " + ParamChecks.plain(min) + " and " + ParamChecks.plain(max));
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
    return ParamChecks.plain(min) + " to " + ParamChecks.plain(max);
  }
}
