package io.concbench.executor;

/** Every task on the calling thread, in order: the baseline that speedups are measured against. */
public final class SingleThreadExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("single",
      "all tasks on one thread, in order (the baseline)", ExecutorTraits.Concurrency.ONE);

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

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
