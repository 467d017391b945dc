package io.concbench.engine;

/**
 * Passed once in a benchmark, after the warm-up runs of its first group and before its first measured run:
 * where an {@code ab} side, started at the same time as the other side, waits for its turn, so that the two
 * JVMs' start-ups and warm-ups overlap while their timed runs never do.
 */
@FunctionalInterface
public interface StartGate {

  /** No gate: measured runs follow the warm-ups at once. */
  StartGate OPEN = () -> {};

  /** Returns when the measured runs may start. */
  void pass() throws InterruptedException;
}
