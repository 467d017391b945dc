package io.concbench.api;

/**
 * Any text of at most {@code maxLength} characters: a command line, a file name. At most
 * {@value #MAX_LENGTH}: a worker JVM is sent it as modified UTF-8 of at most 65535 bytes.
 */
public record TextParam(String name, String defaultValue, int maxLength, String description) implements ParamSpec {

  static final int MAX_LENGTH = 16_384;

  public TextParam {
    if (maxLength > MAX_LENGTH) {
      throw new IllegalArgumentException(name + " may not take more than " + MAX_LENGTH + " characters");
    }
    ParamChecks.requireDefaultWithin(name, defaultValue.length() <= maxLength);
  }

  @Override
  public String unit() {
    return "";
  }

  @Override
  public String parse(String text) {
    if (text.length() > maxLength) {
      throw ParamChecks.invalid(name, text.length() > 40 ? text.substring(0, 40) + "..." : text,
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
