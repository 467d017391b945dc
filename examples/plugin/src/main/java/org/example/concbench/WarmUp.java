package org.example.concbench;

import io.concbench.api.TaskContext;

/**
 * What a kernel's {@code warmUp()} needs: contexts that do nothing, of three unrelated classes, taking turns.
 * A call site that has seen one receiver class is compiled for that class behind a type check, which the
 * executor's real context then fails, throwing the compiled task away in the middle of a timed run; after
 * three classes the JIT compiles a call that any context takes (concbench's built-in workloads warm up the
 * same way).
 */
final class WarmUp {

  static final TaskContext[] CONTEXTS = {new First(), new Second(), new Third()};

  /** Rounds of calls before the time per round is looked at, and the most rounds in all. */
  static final int MIN_ROUNDS = 50;
  static final int MAX_ROUNDS = 500;
  /** The time per round must stop falling for this many rounds in a row: the JIT has caught up. */
  static final int STEADY_ROUNDS = 10;

  private WarmUp() {}

  /**
   * Runs {@code round} (a few milliseconds of the task's own code, once compiled) until its time has not
   * improved on the best by more than 3 % for {@value #STEADY_ROUNDS} rounds in a row. Code with as many
   * methods as a regular expression engine's is compiled by the JIT over hundreds of milliseconds, later on a
   * busy machine: a fixed number of calls that sufficed on one machine left a fresh worker JVM on another
   * running its first tasks in slower, not yet optimised code. The answer the round computes is not used,
   * so this changes only when the timed runs start, never what they compute.
   */
  static void untilSteady(java.util.function.IntConsumer round) {
    long best = Long.MAX_VALUE;
    int steady = 0;
    for (int i = 0; i < MAX_ROUNDS && steady < STEADY_ROUNDS; i++) {
      long start = System.nanoTime();
      round.accept(i);
      long took = System.nanoTime() - start;
      if (i < MIN_ROUNDS || took < best * 97 / 100) {
        steady = 0;
      } else {
        steady++;
      }
      best = Math.min(best, took);
    }
  }

  private static final class First implements TaskContext {
    @Override
    public void checkpoint() {}

    @Override
    public void sleep(long millis) {}

    @Override
    public void increment() {}
  }

  private static final class Second implements TaskContext {
    @Override
    public void checkpoint() {}

    @Override
    public void sleep(long millis) {}

    @Override
    public void increment() {}
  }

  private static final class Third implements TaskContext {
    @Override
    public void checkpoint() {}

    @Override
    public void sleep(long millis) {}

    @Override
    public void increment() {}
  }
}
