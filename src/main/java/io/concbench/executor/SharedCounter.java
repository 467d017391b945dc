package io.concbench.executor;

/** The one counter that all tasks of a run update, guarded (or not) as {@link Guard} says. */
public interface SharedCounter {

  void increment();

  long get();
}
