package io.concbench.cli;

import java.util.Locale;

/** What {@code compare} prints on stdout: {@code --format table|markdown|json|junit}. */
enum CompareFormat {
  TABLE,
  MARKDOWN,
  JSON,
  JUNIT;

  /** The name users type. */
  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }

  static final class Converter extends Names.ToConstant<CompareFormat> {
    Converter() {
      super(CompareFormat.class);
    }
  }
}
