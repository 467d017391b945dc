package io.concbench.executor;

/** A pool of {@code --workers} threads that share one simulated global interpreter lock. */
final class GilExecutor implements Executor {

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    GlobalInterpreterLock gil = new GlobalInterpreterLock(settings.switchIntervalNanos(), System::nanoTime);
    return new PoolRun(settings.workers(), () -> gil::contextFor);
  }
}
