package io.concbench.capacity;

/**
 * Measures how much parallel capacity the machine gives right now. On a shared VM the second core comes and
 * goes from minute to minute and nothing inside the machine shows it, so a speedup means little without a
 * capacity measured in the same minutes (docs/capacity.md).
 */
public interface CapacityProbe extends AutoCloseable {

  /** The capacity for {@code k} workers, e.g. 1.97 of 2. */
  double measure(int k) throws InterruptedException;

  /** How it measures ("threads", "processes"), for the report. */
  String method();

  /** Ends what the probe started (probe processes). */
  @Override
  default void close() {}
}
