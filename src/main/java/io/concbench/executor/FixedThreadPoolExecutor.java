package io.concbench.executor;

import java.util.function.UnaryOperator;

/** A fixed pool of {@code --workers} platform threads sharing one task queue. */
public final class FixedThreadPoolExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("thread-pool",
      "fixed pool of --workers platform threads sharing one queue", ExecutorTraits.Concurrency.WORKERS);

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new PoolRun(settings.workers(), UnaryOperator::identity);
  }
}
