package io.concbench.cli;

import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.Progress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Warns once, on stderr, when the estimate of what is left passes an hour: a huge {@code --param n=...}
 * otherwise starts hours of running with nothing said. Decided when the first measured run starts (the
 * warm-up round has then been timed; again at each group's), or at the second run where there is no
 * warm-up; printed whether or not stderr is a terminal, since a log is read later by someone who would
 * want to know.
 */
final class LongRunWarning implements Progress {

  static final Duration LIMIT = Duration.ofHours(1);

  private final RunEstimate estimate;
  private final PrintWriter err;
  private final Runnable beforePrinting;
  private boolean previousWasWarmup;
  private boolean warned;

  /**
   * @param beforePrinting clears the progress line, if there is one, so that the warning starts a line
   */
  LongRunWarning(RunEstimate estimate, PrintWriter err, Runnable beforePrinting) {
    this.estimate = estimate;
    this.err = err;
    this.beforePrinting = beforePrinting;
  }

  @Override
  public void runStarting(BenchmarkCase c, boolean warmup, int run, int runs, int step, int steps) {
    // Looked at as each group's warm-up ends (its slow cases timed too), and at the second run of all,
    // which is where a benchmark without warm-up first has an estimate.
    boolean warmupEnded = previousWasWarmup && !warmup;
    previousWasWarmup = warmup;
    if (warned || !(warmupEnded || estimate.runsTimed() == 1 && !warmup)) {
      return;
    }
    OptionalLong left = estimate.remainingNanos();
    if (left.isPresent() && left.getAsLong() > LIMIT.toNanos()) {
      warned = true;
      beforePrinting.run();
      err.println("warning: about " + RunEstimate.text(left.getAsLong()) + " still to run, estimated from the "
          + estimate.runsTimed() + " run(s) so far: fewer --runs, --tasks or less work per task (--param) "
          + "would be shorter; Ctrl-C stops it and keeps the finished results");
      err.flush();
    }
  }
}
