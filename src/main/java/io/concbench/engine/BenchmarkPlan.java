package io.concbench.engine;

import io.concbench.api.ParamValues;
import io.concbench.api.Workload;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code run} or a {@code matrix} measures, as groups of cases. Cases of a group are interleaved, and
 * the baseline executor is added when the user did not select it, since speedups need it measured in the
 * same minutes. A {@code run} has one group per workload; a {@code matrix} has one group of every
 * combination, so that a drift of the machine hits every combination alike.
 */
public record BenchmarkPlan(List<List<BenchmarkCase>> groups, int warmup, int runs, String baseline) {

  /** A workload as the user selected it: its parameter values and task count. */
  public record WorkloadChoice(Workload workload, ParamValues params, int tasks) {}

  /** A run's plan, each case released at {@code rate}; null for a closed run. */
  public static BenchmarkPlan of(
      List<WorkloadChoice> workloads,
      List<Executor> executors,
      List<Guard> guards,
      ExecutorSettings settings,
      Executor baseline,
      int warmup,
      int runs,
      RateLoad rate) {
    List<Executor> withBaseline = new ArrayList<>();
    if (baseline != null && !executors.contains(baseline)) {
      withBaseline.add(baseline);
    }
    withBaseline.addAll(executors);
    List<List<BenchmarkCase>> groups = new ArrayList<>();
    for (WorkloadChoice choice : workloads) {
      List<BenchmarkCase> cases = new ArrayList<>();
      for (Executor executor : withBaseline) {
        boolean guarded = choice.workload().usesCounter() || executor.traits().usesGuard();
        for (Guard guard : guarded ? guards : java.util.Collections.<Guard>singletonList(null)) {
          cases.add(new BenchmarkCase(choice.workload(), choice.params(), choice.tasks(), executor,
              executor.traits().threadsAtOnce(settings.workers(), choice.tasks()), guard, settings, rate));
        }
      }
      groups.add(List.copyOf(cases));
    }
    return new BenchmarkPlan(List.copyOf(groups), warmup, runs, baseline == null ? null : baseline.name());
  }

  /**
   * Every combination of workload (with its parameter values: one choice per combination of swept
   * parameters), executor, guard, chunksize and worker count, in one group. Options an executor does not
   * take are not swept for it: {@code single}, {@code thread-per-task} and {@code virtual} run once whatever
   * the worker counts, and only {@code process-pool} is swept over chunksizes. Per workload choice the
   * baseline comes first (once, not once per executor or worker count), so that its result is finished
   * before those measured against it in the last round.
   *
   * @param workerCounts the worker counts of the parallel executors, in the order given
   * @param chunksizes {@code process-pool}'s tasks per frame, 0 for the default
   * @param settings everything else; its worker count and chunksize are the baseline's
   * @param rates each combination once per rate, rates innermost so that one executor's curve is measured
   *     side by side; empty for a closed matrix
   * @param rateTasks each rate's task count (from --duration), or null entries for the workload's own
   */
  public static BenchmarkPlan matrix(
      List<WorkloadChoice> workloads,
      List<Executor> executors,
      List<Guard> guards,
      List<Integer> workerCounts,
      List<Integer> chunksizes,
      ExecutorSettings settings,
      Executor baseline,
      int warmup,
      int runs,
      List<RateLoad> rates,
      List<Integer> rateTasks) {
    List<Executor> ordered = new ArrayList<>();
    if (baseline != null) {
      ordered.add(baseline);
    }
    executors.stream().filter(e -> !ordered.contains(e)).forEach(ordered::add);
    List<BenchmarkCase> cases = new ArrayList<>();
    for (WorkloadChoice choice : workloads) {
      for (Executor executor : ordered) {
        boolean swept = executor != baseline;
        List<Integer> chunks = swept && executor.traits().takesChunksize() ? chunksizes
            : List.of(settings.process().chunksize());
        List<Integer> counts = swept && executor.traits().parallel() ? workerCounts : List.of(settings.workers());
        boolean guarded = choice.workload().usesCounter() || executor.traits().usesGuard();
        for (Guard guard : guarded ? guards : java.util.Collections.<Guard>singletonList(null)) {
          for (int chunk : chunks) {
            for (int workers : counts) {
              ExecutorSettings own = new ExecutorSettings(workers, settings.switchIntervalNanos(),
                  settings.process().withChunksize(chunk));
              if (rates.isEmpty()) {
                cases.add(new BenchmarkCase(choice.workload(), choice.params(), choice.tasks(), executor,
                    executor.traits().threadsAtOnce(workers, choice.tasks()), guard, own));
              }
              for (int r = 0; r < rates.size(); r++) {
                int tasks = rateTasks.get(r) == null ? choice.tasks() : rateTasks.get(r);
                cases.add(new BenchmarkCase(choice.workload(), choice.params(), tasks, executor,
                    executor.traits().threadsAtOnce(workers, tasks), guard, own, rates.get(r)));
              }
            }
          }
        }
      }
    }
    return new BenchmarkPlan(List.of(List.copyOf(cases)), warmup, runs, baseline == null ? null : baseline.name());
  }

  /** Warm-up and measured runs in the whole plan, for progress. */
  public int totalRuns() {
    return groups.stream().mapToInt(List::size).sum() * (warmup + runs);
  }

  /**
   * The case that {@code benchmarkCase} is compared with: the baseline executor on the same workload,
   * parameters and task count, with the same guard where the baseline has one.
   */
  public Optional<BenchmarkCase> baselineFor(BenchmarkCase benchmarkCase, List<BenchmarkCase> group) {
    if (baseline == null) {
      return Optional.empty();
    }
    return group.stream()
        .filter(c -> c.executor().name().equals(baseline))
        .filter(c -> c.workload().name().equals(benchmarkCase.workload().name())
            && c.params().equals(benchmarkCase.params())
            && c.tasks() == benchmarkCase.tasks())
        .filter(c -> c.guard() == null || Objects.equals(c.guard(), benchmarkCase.guard()))
        .findFirst();
  }
}
