package io.concbench.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * A new thread for every task: all started, then all joined, as the lesson's {@code threading.Thread} loop
 * does. Platform threads here; {@link VirtualThreadExecutor} reuses this with virtual ones.
 */
class ThreadPerTaskExecutor implements Executor {

  private final ThreadFactory threads;

  ThreadPerTaskExecutor() {
    this(runnable -> new Thread(runnable, "concbench-task"));
  }

  ThreadPerTaskExecutor(ThreadFactory threads) {
    this.threads = threads;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ExecutorRun() {
      @Override
      public void execute(TaskBatch batch) throws InterruptedException {
        List<Thread> started = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size() && !batch.cancelled(); i++) {
          int index = i;
          Thread thread = threads.newThread(() -> batch.newRunner().run(index));
          thread.start();
          started.add(thread);
        }
        for (Thread thread : started) {
          thread.join();
        }
      }

      @Override
      public void close() {}
    };
  }
}
