package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.api.ParamValues;
import io.concbench.api.Workload;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.workload.WorkloadRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkPlanTest {

  private static final ExecutorSettings SETTINGS = new ExecutorSettings(2, 5_000_000);

  @Test
  void theBaselineIsAddedFirstWhenNotSelected() {
    BenchmarkPlan plan = plan("cpu", List.of("thread-pool", "gil"), List.of(Guard.SYNCHRONIZED), "single");

    assertThat(plan.groups()).hasSize(1);
    assertThat(plan.groups().get(0)).extracting(c -> c.executor().name())
        .containsExactly("single", "thread-pool", "gil");
    assertThat(plan.totalRuns()).isEqualTo(3 * (1 + 5));
  }

  @Test
  void noBaselineMeansNoExtraCase() {
    BenchmarkPlan plan = plan("cpu", List.of("thread-pool"), List.of(Guard.SYNCHRONIZED), null);

    assertThat(plan.groups().get(0)).extracting(c -> c.executor().name()).containsExactly("thread-pool");
    assertThat(plan.baselineFor(plan.groups().get(0).get(0), plan.groups().get(0))).isEmpty();
  }

  @Test
  void guardsMultiplyTheCounterWorkloadAndTheLockExecutorOnly() {
    List<Guard> guards = List.of(Guard.NONE, Guard.ATOMIC);

    List<BenchmarkCase> counter = plan("counter", List.of("lock", "thread-pool"), guards, "single").groups().get(0);
    List<BenchmarkCase> cpu = plan("cpu", List.of("lock", "thread-pool"), guards, "single").groups().get(0);

    assertThat(counter).extracting(c -> c.executor().name() + ":" + c.guard().label())
        .containsExactly("single:none", "single:atomic", "lock:none", "lock:atomic", "thread-pool:none",
            "thread-pool:atomic");
    assertThat(cpu).extracting(c -> c.executor().name() + ":" + (c.guard() == null ? "-" : c.guard().label()))
        .containsExactly("single:-", "lock:none", "lock:atomic", "thread-pool:-");
  }

  @Test
  void theBaselineOfAGuardedCaseHasTheSameGuardWhereTheBaselineHasGuards() {
    List<BenchmarkCase> counter = plan("counter", List.of("lock"), List.of(Guard.NONE, Guard.ATOMIC), "single")
        .groups().get(0);
    List<BenchmarkCase> cpu = plan("cpu", List.of("lock"), List.of(Guard.NONE, Guard.ATOMIC), "single")
        .groups().get(0);
    BenchmarkPlan plan = plan("counter", List.of("lock"), List.of(Guard.NONE, Guard.ATOMIC), "single");

    assertThat(plan.baselineFor(counter.get(3), counter)).hasValueSatisfying(b -> {
      assertThat(b.executor().name()).isEqualTo("single");
      assertThat(b.guard()).isEqualTo(Guard.ATOMIC);
    });
    assertThat(plan.baselineFor(cpu.get(2), cpu)).hasValueSatisfying(b -> assertThat(b.guard()).isNull());
  }

  @Test
  void workersAreThreadsThatRunTasksAtOnce() {
    List<BenchmarkCase> cases = plan("io", List.of("thread-per-task", "thread-pool"), List.of(Guard.SYNCHRONIZED),
        "single").groups().get(0);

    assertThat(cases).extracting(BenchmarkCase::workers).containsExactly(1, 20, 2);
  }

  @Test
  void aMatrixIsOneGroupOfEveryCombinationWithTheBaselineOncePerWorkloadAndParameters() {
    Workload cpu = WorkloadRegistry.find("cpu").orElseThrow();
    Workload tiny = WorkloadRegistry.find("tiny").orElseThrow();
    List<BenchmarkPlan.WorkloadChoice> choices = List.of(
        new BenchmarkPlan.WorkloadChoice(cpu, ParamValues.resolve(cpu, Map.of("n", "1000")), 16),
        new BenchmarkPlan.WorkloadChoice(cpu, ParamValues.resolve(cpu, Map.of("n", "2000")), 16),
        new BenchmarkPlan.WorkloadChoice(tiny, ParamValues.resolve(tiny, Map.of()), 100));

    BenchmarkPlan plan = BenchmarkPlan.matrix(choices, executors("thread-pool", "single", "virtual", "process-pool"),
        List.of(Guard.SYNCHRONIZED), List.of(1, 4), List.of(0, 10), SETTINGS, executor("single"), 1, 5, List.of(),
        List.of());

    assertThat(plan.groups()).hasSize(1);
    List<BenchmarkCase> cases = plan.groups().get(0);
    // Per workload choice: the baseline first even if listed later, the non-parallel executors once, the pool
    // over chunksizes and workers; the worker count of virtual is its task count.
    List<String> perChoice = List.of("single 1 0", "thread-pool 1 0", "thread-pool 4 0", "virtual 16 0",
        "process-pool 1 0", "process-pool 4 0", "process-pool 1 10", "process-pool 4 10");
    assertThat(cases.subList(0, 8)).extracting(BenchmarkPlanTest::describe).containsExactlyElementsOf(perChoice);
    assertThat(cases).hasSize(3 * 8);
    assertThat(cases.subList(8, 16)).allSatisfy(c -> assertThat(c.params().integer("n")).isEqualTo(2000));
    assertThat(plan.totalRuns()).isEqualTo(24 * 6);
    for (BenchmarkCase c : cases) {
      BenchmarkCase baseline = plan.baselineFor(c, cases).orElseThrow();
      assertThat(baseline.executor().name()).isEqualTo("single");
      assertThat(baseline.workload()).isEqualTo(c.workload());
      assertThat(baseline.params()).isEqualTo(c.params());
    }
  }

  private static String describe(BenchmarkCase c) {
    return c.executor().name() + " " + c.workers() + " " + c.settings().process().chunksize();
  }

  private static List<io.concbench.executor.Executor> executors(String... names) {
    return java.util.Arrays.stream(names).map(BenchmarkPlanTest::executor).toList();
  }

  private static io.concbench.executor.Executor executor(String name) {
    return ExecutorRegistry.find(name).orElseThrow();
  }

  private static BenchmarkPlan plan(String workload, List<String> executors, List<Guard> guards, String baseline) {
    Workload w = WorkloadRegistry.find(workload).orElseThrow();
    return BenchmarkPlan.of(
        List.of(new BenchmarkPlan.WorkloadChoice(w, ParamValues.resolve(w, Map.of()), w.defaultTasks())),
        executors.stream().map(e -> ExecutorRegistry.find(e).orElseThrow()).toList(),
        guards, SETTINGS, baseline == null ? null : ExecutorRegistry.find(baseline).orElseThrow(), 1, 5,
        null);
  }
}
