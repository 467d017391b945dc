package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/** The result's tasks ran faster than the baseline's: part of its speedup is not parallelism. */
final class FasterTasks implements WarningRule {

  /**
   * Below this ratio of a result's median task time to its baseline's, part of its speedup is faster tasks.
   * Interleaved runs of the same code on this VM put concbench's pools at 0.99-1.03 of their baseline.
   */
  static final double FASTER_TASKS = 0.95;
  /** Tasks shorter than this are dominated by the clock reads around them: their ratio means little. */
  static final double TIMED_TASK_US = 1000;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    Double ratio = result.comparison().taskTimeVsBaseline();
    return ratio != null && ratio < FASTER_TASKS && context.baselineTaskP50Us() >= TIMED_TASK_US;
  }

  /** Said of tasks of {@link #TIMED_TASK_US} or more only, so their times are in milliseconds. */
  @Override
  public String message(Result result, WarningContext context) {
    return String.format(Locale.ROOT, "its tasks took %.2f of the baseline's time each (p50 %.1f ms against %.1f "
        + "ms): part of its speedup (%.2fx) is faster tasks, not parallelism; different compiled code (a "
        + "--jvm-arg, --java) or a baseline slowed by the machine", result.comparison().taskTimeVsBaseline(),
        result.timing().latencyUs().p50() / 1000, context.baselineTaskP50Us() / 1000,
        result.comparison().speedup());
  }
}
