package io.concbench.engine;

import io.concbench.api.ParamValues;
import io.concbench.api.Workload;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import java.util.Optional;

/**
 * One thing to measure: a workload with parameter values and a task count, on one executor with its
 * settings and, where the shared counter is involved, one guard.
 *
 * @param workers threads that run tasks at once (1 for single, one per task for thread-per-task)
 * @param guard the counter guard, or null where no counter is involved
 * @param rate the schedule tasks are released on; null for a closed run (every task handed over at once)
 */
public record BenchmarkCase(
    Workload workload,
    ParamValues params,
    int tasks,
    Executor executor,
    int workers,
    Guard guard,
    ExecutorSettings settings,
    RateLoad rate) {

  /** A closed run's case. */
  public BenchmarkCase(Workload workload, ParamValues params, int tasks, Executor executor, int workers,
      Guard guard, ExecutorSettings settings) {
    this(workload, params, tasks, executor, workers, guard, settings, null);
  }

  public Optional<Guard> guardIfAny() {
    return Optional.ofNullable(guard);
  }

  /** A short label for progress lines. */
  public String label() {
    StringBuilder text = new StringBuilder(workload.name());
    // Parameters set away from their defaults: what tells the cases of a matrix's --param sweep apart.
    params.asText().forEach((name, value) -> {
      if (!params.isDefault(name)) {
        text.append(' ').append(name).append('=').append(value);
      }
    });
    text.append(" on ").append(executor.name());
    if (executor.traits().parallel()) {
      text.append(" (workers ").append(workers).append(')');
    }
    if (executor.traits().takesChunksize() && settings.process().chunksize() > 0) {
      text.append(" chunksize ").append(settings.process().chunksize());
    }
    if (guard != null) {
      text.append(" guard ").append(guard.label());
    }
    if (rate != null) {
      text.append(String.format(java.util.Locale.ROOT, " at %.6g/s", rate.perSecond()).replaceAll(
          "\\.?0+(?=/s)", ""));
    }
    return text.toString();
  }
}
