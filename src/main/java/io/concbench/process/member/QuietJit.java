package io.concbench.process.member;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * The end of a fresh member's warm-up: a wait until its JIT compilers have done with Hazelcast's own code.
 * A member JVM compiles for seconds after it starts (measured on a loaded 2-core machine: its compiler
 * threads took ~40 % of its CPU, 1.9 s of 4.1 s, over its first 17 s), and a run's timed tasks, started on
 * fresh members, shared the cores with that; a pool worker, a small program, is done compiling almost at
 * once. The wait counts in the member's {@code ready_ms} and the run's {@code cluster_start_ms}, not in its
 * timed region.
 */
final class QuietJit {

  /** A window with no more compilation than this (ms of compile time) is quiet. */
  static final long QUIET_COMPILE_MILLIS = 10;
  static final long WINDOW_MILLIS = 200;
  /** The wait's bound: a JIT that never settles does not hold the run. */
  static final long MAX_WAIT_MILLIS = 5_000;

  private QuietJit() {}

  /**
   * The member property that turns the wait off, for measuring what it does:
   * {@code --jvm-arg=-Dconcbench.member.quiet-jit=false}.
   */
  static final String SWITCH = "concbench.member.quiet-jit";

  /** Waits until a window of {@link #WINDOW_MILLIS} passes with little compilation, or the bound. */
  static void await() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true")) || jit == null
        || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
    long compiled = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(WINDOW_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = jit.getTotalCompilationTime();
      if (now - compiled <= QUIET_COMPILE_MILLIS) {
        return;
      }
      compiled = now;
    }
  }
}
