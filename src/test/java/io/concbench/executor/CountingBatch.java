package io.concbench.executor;

import io.concbench.workload.TaskContext;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.UnaryOperator;

/** A fake batch that counts how often each task ran, on a plain context. */
final class CountingBatch implements TaskBatch {
  final AtomicIntegerArray runs;

  CountingBatch(int size) {
    this.runs = new AtomicIntegerArray(size);
  }

  @Override
  public int size() {
    return runs.length();
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  @Override
  public RemoteTasks remote() {
    throw new UnsupportedOperationException("in-process executors run tasks through runners");
  }

  @Override
  public TaskRunner newRunner(UnaryOperator<TaskContext> decorate) {
    TaskContext context = decorate.apply(new io.concbench.workload.PlainContext());
    TaskLifecycle lifecycle = context instanceof TaskLifecycle l ? l : null;
    return index -> {
      if (lifecycle != null) {
        lifecycle.enterTask();
      }
      try {
        context.checkpoint();
        runs.incrementAndGet(index);
      } finally {
        if (lifecycle != null) {
          lifecycle.exitTask();
        }
      }
    };
  }
}
