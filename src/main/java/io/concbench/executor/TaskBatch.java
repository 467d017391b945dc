package io.concbench.executor;

import io.concbench.api.TaskContext;
import java.util.function.UnaryOperator;

/**
 * The tasks of one run, as the engine hands them to an executor. The executor decides only which thread
 * runs which task and when; timing, verification and failure accounting stay in the engine.
 */
public interface TaskBatch {

  int size();

  /** True once the user interrupted the benchmark: start no more tasks. */
  boolean cancelled();

  /** A runner for one thread, with the engine's plain context. */
  default TaskRunner newRunner() {
    return newRunner(UnaryOperator.identity());
  }

  /**
   * A runner for one thread; {@code decorate} wraps the engine's context, e.g. to add a GIL. If the wrapped
   * context is a {@link TaskLifecycle}, it is told when each task starts and ends, inside the timed region.
   */
  TaskRunner newRunner(UnaryOperator<TaskContext> decorate);

  /**
   * A rate run's release, for an executor that starts something per task (a thread, a chunk sent to a
   * worker): returns once task {@code index} is due on the engine's clock, at once if it is already due or
   * the run is closed. The delay past the due time is recorded as the generator's lateness, so the caller
   * starts the task right after; the task's own wait for a free thread is then queueing. Executors that hand
   * tasks to threads that are already running need not call it: the runner holds each task until it is due.
   *
   * @return false if the run was cancelled or the caller interrupted while waiting: start no more tasks
   */
  default boolean awaitRelease(int index) {
    return !cancelled();
  }

  /**
   * A rate run's due time of task {@code index} on the engine's clock (nanoTime), or -1 in a closed run:
   * for executors that time tasks elsewhere and count their queueing from it.
   */
  default long dueNanos(int index) {
    return -1;
  }

  /** For executors whose tasks run in other processes. */
  RemoteTasks remote();
}
