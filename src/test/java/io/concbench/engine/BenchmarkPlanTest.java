package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.ExecutorRegistry;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.workload.ParamValues;
import io.concbench.workload.Workload;
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

  private static BenchmarkPlan plan(String workload, List<String> executors, List<Guard> guards, String baseline) {
    Workload w = WorkloadRegistry.find(workload).orElseThrow();
    return BenchmarkPlan.of(
        List.of(new BenchmarkPlan.WorkloadChoice(w, ParamValues.resolve(w, Map.of()), w.defaultTasks())),
        executors.stream().map(e -> ExecutorRegistry.find(e).orElseThrow()).toList(),
        guards, SETTINGS, baseline == null ? null : ExecutorRegistry.find(baseline).orElseThrow(), 1, 5);
  }
}
