package io.concbench.process.parent;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.ExecutorTraits;
import io.concbench.executor.WorkloadSpec;

/** {@code process-pool}: W long-lived worker JVMs fed chunks of tasks. */
public final class ProcessPoolExecutor implements Executor {

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("process-pool",
          "--workers long-lived worker JVMs fed chunks over pipes (the lesson's Pool.map)",
          ExecutorTraits.Concurrency.WORKERS)
      .chunked()
      .otherProcesses();

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ProcessPoolRun(settings.workers(), settings.process(), workload, Workers.command(settings.process()));
  }
}
