package io.concbench.executor;

/** Every task on the calling thread, in order: the baseline that speedups are measured against. */
final class SingleThreadExecutor implements Executor {

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ExecutorRun() {
      @Override
      public void execute(TaskBatch batch) {
        TaskRunner runner = batch.newRunner();
        for (int i = 0; i < batch.size() && !batch.cancelled(); i++) {
          runner.run(i);
        }
      }

      @Override
      public void close() {}
    };
  }
}
