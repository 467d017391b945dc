package io.concbench.cli;

/** Bad input found before any work starts: reported as one line, exit status 2. */
public final class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }

  /** "invalid value for --runs: '0' (must be between 1 and 10000)": the form of every refused value. */
  static UsageException invalid(String option, Object value, String reason) {
    return new UsageException("invalid value for " + option + ": '" + value + "' (" + reason + ")");
  }

  /** Refuses {@code value} unless it is from {@code min} to {@code max}, naming the option and the value. */
  static void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw invalid(option, value, "must be between " + min + " and " + max);
    }
  }
}
