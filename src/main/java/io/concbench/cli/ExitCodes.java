package io.concbench.cli;

/** Exit statuses: a contract that scripts and CI rely on (README, "Exit status"). */
public final class ExitCodes {
  /** Everything ran and every result verified. */
  public static final int OK = 0;
  /** The run finished but something failed: a task threw, a result did not verify, a guard lost updates. */
  public static final int FAILED = 1;
  /** Bad usage or bad input; nothing was run. */
  public static final int USAGE = 2;
  /** Interrupted by Ctrl-C or SIGTERM; finished results were kept. */
  public static final int INTERRUPTED = 130;

  private ExitCodes() {}
}
