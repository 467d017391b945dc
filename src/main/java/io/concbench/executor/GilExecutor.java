package io.concbench.executor;

/** A pool of {@code --workers} threads that share one simulated global interpreter lock. */
public final class GilExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("gil",
      "--workers threads under one simulated global interpreter lock (--switch-interval-ms)",
      ExecutorTraits.Concurrency.WORKERS);

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    GlobalInterpreterLock gil = new GlobalInterpreterLock(settings.switchIntervalNanos(), System::nanoTime);
    return new PoolRun(settings.workers(), () -> gil::contextFor);
  }
}
