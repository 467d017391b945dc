package io.concbench.process;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.WorkloadSpec;

/** {@code fork}: a new JVM per task. */
public final class ForkExecutor implements Executor {

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ForkRun(settings.workers(), settings.process(), workload, Workers.command(settings.process()));
  }
}
