package io.concbench.executor;

import io.concbench.api.BlockingWait;
import io.concbench.api.TaskContext;

/**
 * A pool of {@code --workers} threads whose tasks all update one shared counter through the run's guard.
 * The counter workload does that itself (the lesson's race); for any other workload every checkpoint of a
 * task also updates the counter, so the guard's cost under contention adds to the work.
 */
public final class LockExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("lock",
          "--workers threads updating one shared counter through --guard", ExecutorTraits.Concurrency.WORKERS)
      .guarded();

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    if (workload.updatesCounter()) {
      return new PoolRun(settings.workers(), () -> base -> base);
    }
    return new PoolRun(settings.workers(), () -> CountingCheckpoints::new);
  }

  private static final class CountingCheckpoints implements TaskContext {
    private final TaskContext base;

    CountingCheckpoints(TaskContext base) {
      this.base = base;
    }

    @Override
    public void checkpoint() {
      base.increment();
      base.checkpoint();
    }

    @Override
    public void sleep(long millis) throws InterruptedException {
      base.sleep(millis);
    }

    @Override
    public void increment() {
      base.increment();
    }

    @Override
    public <T> T blocking(BlockingWait<T> wait) throws InterruptedException {
      return base.blocking(wait);
    }

    @Override
    public void childPeakMemory(long bytes) {
      base.childPeakMemory(bytes);
    }
  }
}
