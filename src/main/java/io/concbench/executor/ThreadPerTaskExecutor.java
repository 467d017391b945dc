package io.concbench.executor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * A new thread for every task: all started, then all joined, as the lesson's {@code threading.Thread} loop
 * does (at a rate, each started at its task's release). Platform threads here; {@link VirtualThreadExecutor} runs the same loop on virtual ones.
 */
public final class ThreadPerTaskExecutor implements Executor {

  /** Platform threads are an OS resource: 10 000 of them already take seconds to start on a small VM. */
  static final int MAX_PLATFORM_THREADS_PER_TASK = 10_000;

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("thread-per-task",
          "a new platform thread per task, all started, then joined", ExecutorTraits.Concurrency.PER_TASK)
      .withMaxTasks(MAX_PLATFORM_THREADS_PER_TASK);

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ThreadPerTaskRun(runnable -> new Thread(runnable, "concbench-task"));
  }

  /** One run: a thread from {@code threads} per task. */
  static final class ThreadPerTaskRun implements ExecutorRun {
    private final ThreadFactory threads;

    ThreadPerTaskRun(ThreadFactory threads) {
      this.threads = threads;
    }

    @Override
    public void execute(TaskBatch batch) throws InterruptedException {
      List<Thread> started = new ArrayList<>(batch.size());
      for (int i = 0; i < batch.size() && !batch.cancelled(); i++) {
        // At a rate, each task's thread is started at its release, not all at once: ten thousand threads
        // parked for their release would make the scheduler, not the executor, the figure measured.
        if (!batch.awaitRelease(i)) {
          break;
        }
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
  }
}
