package io.concbench.executor;

import io.concbench.workload.TaskContext;

/**
 * A pool of {@code --workers} threads whose tasks all update one shared counter through the run's guard.
 * The counter workload does that itself (the lesson's race); for any other workload every checkpoint of a
 * task also updates the counter, so the guard's cost under contention adds to the work.
 */
final class LockExecutor implements Executor {

  private final boolean workloadUpdatesCounter;

  LockExecutor(boolean workloadUpdatesCounter) {
    this.workloadUpdatesCounter = workloadUpdatesCounter;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    if (workloadUpdatesCounter) {
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
  }
}
