package io.concbench.executor;

import java.util.function.UnaryOperator;

/** A fixed pool of {@code --workers} platform threads sharing one task queue. */
final class FixedThreadPoolExecutor implements Executor {

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new PoolRun(settings.workers(), UnaryOperator::identity);
  }
}
