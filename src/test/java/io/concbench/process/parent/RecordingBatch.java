package io.concbench.process.parent;

import io.concbench.api.TaskContext;
import io.concbench.executor.RemoteTasks;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/** A batch for process executors that records every outcome; {@code onCompleted} runs after each result. */
class RecordingBatch implements TaskBatch, RemoteTasks {
  final AtomicIntegerArray completions;
  final List<TaskFailure> failures = new ArrayList<>();
  private final Consumer<Integer> onCompleted;

  RecordingBatch(int size, Consumer<Integer> onCompleted) {
    this.completions = new AtomicIntegerArray(size);
    this.onCompleted = onCompleted;
  }

  @Override
  public int size() {
    return completions.length();
  }

  @Override
  public boolean cancelled() {
    return false;
  }

  @Override
  public TaskRunner newRunner(UnaryOperator<TaskContext> decorate) {
    throw new UnsupportedOperationException("process executors report through remote()");
  }

  @Override
  public RemoteTasks remote() {
    return this;
  }

  @Override
  public void completed(int index, long result, long latencyNanos) {
    completions.incrementAndGet(index);
    onCompleted.accept(index);
  }

  @Override
  public synchronized void failed(TaskFailure failure) {
    failures.add(failure);
  }

  synchronized List<TaskFailure> failures() {
    return List.copyOf(failures);
  }
}
