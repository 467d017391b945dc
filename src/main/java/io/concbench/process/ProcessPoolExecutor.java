package io.concbench.process;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.WorkloadSpec;

/** {@code process-pool}: W long-lived worker JVMs fed chunks of tasks. */
public final class ProcessPoolExecutor implements Executor {

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ProcessPoolRun(settings.workers(), settings.process(), workload, Workers.command(settings.process()));
  }
}
