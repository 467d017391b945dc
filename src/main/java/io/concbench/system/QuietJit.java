package io.concbench.system;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * A wait until this JVM's JIT compilers have gone quiet, so that what runs next, here or in another JVM,
 * does not share the cores with compilation: the end of a fresh cluster member's warm-up, and of an
 * {@code ab} side's before it says it is ready (the other side's timed run may start then). A member JVM compiles for seconds after it starts (measured on a loaded 2-core machine: its compiler
 * threads took ~40 % of its CPU, 1.9 s of 4.1 s, over its first 17 s), and a run's timed tasks, started on
 * fresh members, shared the cores with that; a pool worker, a small program, is done compiling almost at
 * once. The wait counts in the member's {@code ready_ms} and the run's {@code cluster_start_ms}, not in its
 * timed region.
 */
public final class QuietJit {

  /** A window is quiet when compilation took no more than this share of it (10 ms in 200 ms). */
  static final double QUIET_SHARE = 0.05;
  /** A member's window: its JVM compiles Hazelcast's code for seconds after it starts. */
  public static final long MEMBER_WINDOW_MILLIS = 200;
  /** The wait's bound: a JIT that never settles does not hold the run. */
  static final long MAX_WAIT_MILLIS = 5_000;

  private QuietJit() {}

  /**
   * The member property that turns the wait off, for measuring what it does:
   * {@code --jvm-arg=-Dconcbench.member.quiet-jit=false}.
   */
  public static final String SWITCH = "concbench.member.quiet-jit";

  /**
   * Waits until a window of {@code windowMillis} passes with little compilation ({@link #QUIET_SHARE} of it,
   * 1 ms at least: the counter's unit), or the bound.
   */
  public static void await(long windowMillis) {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true")) || jit == null
        || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long quiet = Math.max(1, Math.round(windowMillis * QUIET_SHARE));
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS);
    long compiled = jit.getTotalCompilationTime();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(windowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = jit.getTotalCompilationTime();
      if (now - compiled <= quiet) {
        return;
      }
      compiled = now;
    }
  }
}
