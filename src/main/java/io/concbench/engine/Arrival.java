package io.concbench.engine;

import java.util.Locale;

/** How the releases of a rate run are spaced: evenly, or as a Poisson process with the same mean rate. */
public enum Arrival {
  CONSTANT,
  POISSON;

  /** The name the user types and the report holds. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
