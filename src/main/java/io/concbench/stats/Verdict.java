package io.concbench.stats;

/** What a comparison of one metric concludes. */
public enum Verdict {
  IMPROVED("improved"),
  REGRESSED("regressed"),
  NO_CHANGE("no significant change"),
  /** Regressed in CURRENT, but not again when re-run with {@code compare --confirm}: not counted. */
  NOT_REPRODUCED("regressed, not reproduced"),
  TOO_FEW_SAMPLES("too few samples");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
