package io.concbench.process.parent;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.ExecutorTraits;
import io.concbench.executor.WorkloadSpec;

/** {@code fork}: a new JVM per task. */
public final class ForkExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("fork",
          "a new JVM per task, at most --workers at once (the lesson's multiprocessing.Process)",
          ExecutorTraits.Concurrency.WORKERS)
      .otherProcesses();

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ForkRun(settings.workers(), settings.process(), workload, Workers.command(settings.process()));
  }
}
