package io.concbench.cli;

import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.Clock;
import io.concbench.engine.Progress;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * How long a benchmark has been running and about how long it has left, from the runs so far: the mean
 * time per run since the first started, times the runs still to start (the current one included), less
 * what the current one has already taken. Runs are interleaved round-robin, so once the warm-up round is
 * done the mean covers every case once, the slow ones with the fast; before a second run has started there
 * is no estimate. Told of each run by the engine, read by the progress line and the long-run warning.
 */
final class RunEstimate implements Progress {

  private final Clock clock;
  private final long createdNanos;
  private int firstStep = -1;
  private long firstStepNanos;
  private int currentStep;
  private long currentStepNanos;
  private int steps;

  RunEstimate(Clock clock) {
    this.clock = clock;
    this.createdNanos = clock.nanoTime();
  }

  @Override
  public synchronized void runStarting(BenchmarkCase c, boolean warmup, int run, int runs, int step, int steps) {
    long now = clock.nanoTime();
    if (firstStep < 0) {
      firstStep = step;
      firstStepNanos = now;
    }
    currentStep = step;
    currentStepNanos = now;
    this.steps = steps;
  }

  /** Since this estimate was made, which is before the kernels' JIT warm-up and the first run. */
  synchronized long elapsedNanos() {
    return clock.nanoTime() - createdNanos;
  }

  /** Runs that have finished since the first was seen. */
  synchronized int runsTimed() {
    return firstStep < 0 ? 0 : currentStep - firstStep;
  }

  /** About how long the runs still to finish will take; empty before a run has finished. */
  synchronized OptionalLong remainingNanos() {
    int timed = runsTimed();
    if (timed <= 0) {
      return OptionalLong.empty();
    }
    long now = clock.nanoTime();
    double perRun = (double) (currentStepNanos - firstStepNanos) / timed;
    double left = perRun * (steps - currentStep + 1) - (now - currentStepNanos);
    return OptionalLong.of(Math.max(0, Math.round(left)));
  }

  /** "42s", "3m 05s", "2h 14m": as precise as a person reading a progress line needs. */
  static String text(long nanos) {
    long seconds = TimeUnit.NANOSECONDS.toSeconds(nanos);
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
    }
    return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
  }
}
