package io.concbench.cli;

import java.util.Locale;

/** {@code --capacity auto|off} of run, matrix and system: probe the machine's parallel capacity, or not. */
enum CapacityProbing {
  AUTO,
  OFF;

  /** The name users type. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  static final class Converter extends Names.ToConstant<CapacityProbing> {
    Converter() {
      super(CapacityProbing.class);
    }
  }
}
