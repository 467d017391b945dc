package io.concbench.engine;

/**
 * Passed before each round of measured runs (after its group's warm-ups): where an {@code ab} side, started at
 * the same time as the other side, waits for its turn. The two JVMs' start-ups and warm-ups overlap; their
 * timed runs alternate, one run each, and never overlap, so that both sides' runs of a round see the same
 * minutes of the host, spell by spell.
 */
@FunctionalInterface
public interface TurnGate {

  /** No gate: measured runs follow each other at once. */
  TurnGate OPEN = () -> {};

  /** Returns when the next round of measured runs may start. */
  void pass() throws InterruptedException;
}
