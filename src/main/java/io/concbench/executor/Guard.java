package io.concbench.executor;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/** How the shared counter is protected: the lesson's race, and the four ways Java fixes it. */
public enum Guard {
  NONE("none", "no guard: a plain read-modify-write of a volatile field, so concurrent updates get lost"),
  SYNCHRONIZED("synchronized", "a synchronized block (the JVM's built-in monitor), like Python's Lock"),
  REENTRANT("reentrant", "java.util.concurrent.locks.ReentrantLock (non-fair)"),
  ATOMIC("atomic", "AtomicLong.incrementAndGet: one lock-free compare-and-set instruction"),
  ADDER("adder", "LongAdder: striped cells, summed when read; scales best under contention");

  private final String label;
  private final String description;

  Guard(String label, String description) {
    this.label = label;
    this.description = description;
  }

  /** The name users type and reports show. */
  public String label() {
    return label;
  }

  public String description() {
    return description;
  }

  /** True if concurrent increments can be lost: the only guard whose loss is expected, not a bug. */
  public boolean racy() {
    return this == NONE;
  }

  /**
   * A new counter under this guard. A switch, not a constructor reference per constant: `concbench list`
   * loads this enum, and a JVM's first lambdas cost it a fifth of its start-up (docs/PERFORMANCE.md).
   */
  public SharedCounter newCounter() {
    return switch (this) {
      case NONE -> new Unguarded();
      case SYNCHRONIZED -> new Synchronized();
      case REENTRANT -> new Reentrant();
      case ATOMIC -> new Atomic();
      case ADDER -> new Adder();
    };
  }

  public static Guard fromLabel(String label) {
    for (Guard guard : values()) {
      if (guard.label.equals(label)) {
        return guard;
      }
    }
    throw new IllegalArgumentException(label);
  }

  private static final class Unguarded implements SharedCounter {
    private volatile long value;

    @Override
    @SuppressWarnings("NonAtomicOperationOnVolatileField") // the race is the point
    public void increment() {
      value = value + 1;
    }

    @Override
    public long get() {
      return value;
    }
  }

  private static final class Synchronized implements SharedCounter {
    private long value;

    @Override
    public synchronized void increment() {
      value++;
    }

    @Override
    public synchronized long get() {
      return value;
    }
  }

  private static final class Reentrant implements SharedCounter {
    private final ReentrantLock lock = new ReentrantLock();
    private long value;

    @Override
    public void increment() {
      lock.lock();
      try {
        value++;
      } finally {
        lock.unlock();
      }
    }

    @Override
    public long get() {
      lock.lock();
      try {
        return value;
      } finally {
        lock.unlock();
      }
    }
  }

  private static final class Atomic implements SharedCounter {
    private final AtomicLong value = new AtomicLong();

    @Override
    public void increment() {
      value.incrementAndGet();
    }

    @Override
    public long get() {
      return value.get();
    }
  }

  private static final class Adder implements SharedCounter {
    private final LongAdder value = new LongAdder();

    @Override
    public void increment() {
      value.increment();
    }

    @Override
    public long get() {
      return value.sum();
    }
  }
}
