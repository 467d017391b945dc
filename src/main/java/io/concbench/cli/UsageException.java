package io.concbench.cli;

/** Bad input found before any work starts: reported as one line, exit status 2. */
public final class UsageException extends RuntimeException {

  public UsageException(String message) {
    super(message);
  }
}
