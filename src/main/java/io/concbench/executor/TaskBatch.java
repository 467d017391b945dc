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

  /** For executors whose tasks run in other processes. */
  RemoteTasks remote();
}
