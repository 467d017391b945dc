package io.concbench.engine;

/** A monotonic clock in nanoseconds; tests substitute a fake one to get exact numbers. */
@FunctionalInterface
public interface Clock {

  Clock SYSTEM = System::nanoTime;

  long nanoTime();
}
