package io.concbench.cli;

import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/** One self-overwriting status line on a terminal's stderr. */
final class TerminalProgress implements Progress {

  private final PrintWriter err;
  private int lastLength;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void runStarting(BenchmarkCase c, boolean warmup, int run, int runs, int step, int steps) {
    String line = String.format(Locale.ROOT, "[%d/%d] %s: %s %d of %d", step, steps, c.label(),
        warmup ? "warm-up" : "run", run, runs);
    show(line);
  }

  void clear() {
    show("");
  }

  private void show(String line) {
    String pad = " ".repeat(Math.max(0, lastLength - line.length()));
    err.print("\r" + line + pad + (line.isEmpty() ? "\r" : ""));
    err.flush();
    lastLength = line.length();
  }
}
