package io.concbench.cli;

import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * One self-overwriting status line on a terminal's stderr: the run, then the time elapsed and about how
 * long is left ({@link RunEstimate}), so that a run of hours says so from its first minutes.
 */
final class TerminalProgress implements Progress {

  private final PrintWriter err;
  private final RunEstimate estimate;
  private String run = "";
  private int lastLength;

  TerminalProgress(PrintWriter err, RunEstimate estimate) {
    this.err = err;
    this.estimate = estimate;
  }

  @Override
  public synchronized void runStarting(BenchmarkCase c, boolean warmup, int run, int runs, int step, int steps) {
    this.run = String.format(Locale.ROOT, "[%d/%d] %s: %s %d of %d", step, steps, c.label(),
        warmup ? "warm-up" : "run", run, runs);
    refresh();
  }

  /** Draws the line again with the times as they are now: called as runs start, and by a ticker between. */
  synchronized void refresh() {
    if (run.isEmpty()) {
      return;
    }
    OptionalLong left = estimate.remainingNanos();
    show(run + " (" + RunEstimate.text(estimate.elapsedNanos()) + " elapsed"
        + (left.isPresent() ? ", about " + RunEstimate.text(left.getAsLong()) + " left)" : ")"));
  }

  /** Clears the line until the next run starts: for a warning to start a line of its own, and at the end. */
  synchronized void clear() {
    run = "";
    show("");
  }

  private void show(String line) {
    String pad = " ".repeat(Math.max(0, lastLength - line.length()));
    err.print("\r" + line + pad + (line.isEmpty() ? "\r" : ""));
    err.flush();
    lastLength = line.length();
  }
}
