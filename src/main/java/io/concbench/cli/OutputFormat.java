package io.concbench.cli;

import java.util.Locale;

/** What {@code run} and {@code matrix} print on stdout: {@code --format table|json}. */
enum OutputFormat {
  TABLE,
  JSON;

  /** The name users type. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  static final class Converter extends Names.ToConstant<OutputFormat> {
    Converter() {
      super(OutputFormat.class);
    }
  }
}
