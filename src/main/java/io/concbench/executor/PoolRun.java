package io.concbench.executor;

import io.concbench.api.TaskContext;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A fixed pool of platform threads, started before the timed region, that takes tasks from one queue: a
 * {@link ThreadPoolExecutor} as Java code would use it. Each pool thread owns one {@link TaskRunner}, with a
 * context made by {@code decorator} for that thread (the GIL and lock executors add their behaviour there).
 */
final class PoolRun implements ExecutorRun {

  private final ThreadPoolExecutor pool;
  private final Supplier<UnaryOperator<TaskContext>> decorator;

  PoolRun(int workers, Supplier<UnaryOperator<TaskContext>> decorator) {
    this.decorator = decorator;
    this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
        runnable -> {
          Thread thread = new Thread(runnable, "concbench-pool");
          thread.setDaemon(true);
          return thread;
        });
    pool.prestartAllCoreThreads();
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    // One runner per pool thread, created lazily by that thread: runners are not thread-safe.
    ThreadLocal<TaskRunner> runners = ThreadLocal.withInitial(() -> batch.newRunner(decorator.get()));
    CountDownLatch done = new CountDownLatch(batch.size());
    int submittedCount = 0;
    for (int i = 0; i < batch.size() && !batch.cancelled(); i++) {
      int index = i;
      pool.execute(() -> {
        try {
          if (!batch.cancelled()) {
            runners.get().run(index);
          }
        } finally {
          done.countDown();
        }
      });
      submittedCount++;
    }
    // Tasks never submitted because the run was cancelled count as done, so the wait below ends.
    for (int i = submittedCount; i < batch.size(); i++) {
      done.countDown();
    }
    done.await();
  }

  @Override
  public void close() {
    pool.shutdownNow();
    try {
      pool.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
