package io.concbench.engine;

import java.util.List;

/** Told what runs now, for a human watching; reports never depend on it. */
public interface Progress {

  Progress NONE = (benchmarkCase, warmup, run, runs, step, steps) -> {};

  /**
   * @param warmup true for a discarded warm-up run
   * @param run 1-based run number within the warm-up or measured phase
   * @param step 1-based position in the whole benchmark, of {@code steps}
   */
  void runStarting(BenchmarkCase benchmarkCase, boolean warmup, int run, int runs, int step, int steps);

  /** Tells each in turn: an estimate before the line that shows it. */
  static Progress all(List<Progress> each) {
    List<Progress> listeners = List.copyOf(each);
    return (benchmarkCase, warmup, run, runs, step, steps) -> listeners.forEach(
        p -> p.runStarting(benchmarkCase, warmup, run, runs, step, steps));
  }
}
