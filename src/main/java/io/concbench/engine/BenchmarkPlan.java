package io.concbench.engine;

import io.concbench.executor.ExecutorRegistry;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.workload.ParamValues;
import io.concbench.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code run} measures: one group of cases per workload. Cases of a group are interleaved, and the
 * baseline executor is added to a group when the user did not select it, since speedups need it measured
 * in the same minutes.
 */
public record BenchmarkPlan(List<List<BenchmarkCase>> groups, int warmup, int runs, String baseline) {

  /** A workload as the user selected it: its parameter values and task count. */
  public record WorkloadChoice(Workload workload, ParamValues params, int tasks) {}

  public static BenchmarkPlan of(
      List<WorkloadChoice> workloads,
      List<ExecutorRegistry.Entry> executors,
      List<Guard> guards,
      ExecutorSettings settings,
      ExecutorRegistry.Entry baseline,
      int warmup,
      int runs) {
    List<ExecutorRegistry.Entry> withBaseline = new ArrayList<>();
    if (baseline != null && !executors.contains(baseline)) {
      withBaseline.add(baseline);
    }
    withBaseline.addAll(executors);
    List<List<BenchmarkCase>> groups = new ArrayList<>();
    for (WorkloadChoice choice : workloads) {
      List<BenchmarkCase> cases = new ArrayList<>();
      for (ExecutorRegistry.Entry executor : withBaseline) {
        boolean guarded = choice.workload().usesCounter() || executor.usesGuard();
        for (Guard guard : guarded ? guards : java.util.Collections.<Guard>singletonList(null)) {
          cases.add(new BenchmarkCase(choice.workload(), choice.params(), choice.tasks(), executor,
              workersOf(executor, settings.workers(), choice.tasks()), guard, settings));
        }
      }
      groups.add(List.copyOf(cases));
    }
    return new BenchmarkPlan(List.copyOf(groups), warmup, runs, baseline == null ? null : baseline.name());
  }

  /** Threads that run tasks at once: what efficiency (speedup per worker) divides by. */
  static int workersOf(ExecutorRegistry.Entry executor, int workers, int tasks) {
    if (executor.parallel()) {
      return workers;
    }
    return executor.name().equals("single") ? 1 : tasks;
  }

  /** Warm-up and measured runs in the whole plan, for progress. */
  public int totalRuns() {
    return groups.stream().mapToInt(List::size).sum() * (warmup + runs);
  }

  /**
   * The case that {@code benchmarkCase} is compared with: the baseline executor on the same workload, with
   * the same guard where the baseline has one.
   */
  public Optional<BenchmarkCase> baselineFor(BenchmarkCase benchmarkCase, List<BenchmarkCase> group) {
    if (baseline == null) {
      return Optional.empty();
    }
    return group.stream()
        .filter(c -> c.executor().name().equals(baseline))
        .filter(c -> c.guard() == null || Objects.equals(c.guard(), benchmarkCase.guard()))
        .findFirst();
  }
}
