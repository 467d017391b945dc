package io.concbench.cli;

import java.util.Locale;

/** {@code compare --fail-on regression|never}: whether a significant regression makes the exit status 1. */
enum FailOn {
  REGRESSION,
  NEVER;

  /** The name users type. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  static final class Converter extends Names.ToConstant<FailOn> {
    Converter() {
      super(FailOn.class);
    }
  }
}
