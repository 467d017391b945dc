package io.concbench.executor;

import io.concbench.api.TaskContext;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A fake batch that counts how often each task ran, and the shared counter's updates, on a plain context.
 * Each task passes one checkpoint.
 */
final class CountingBatch implements TaskBatch {
  final AtomicIntegerArray runs;
  final AtomicLong increments = new AtomicLong();

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
    TaskContext context = decorate.apply(new TaskContext() {
      @Override
      public void checkpoint() {}

      @Override
      public void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
      }

      @Override
      public void increment() {
        increments.incrementAndGet();
      }
    });
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
