package io.concbench.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExecutorsTest {

  @Test
  @Timeout(60)
  void everyAvailableExecutorRunsEveryTaskExactlyOnce() throws InterruptedException {
    for (ExecutorRegistry.Entry entry : ExecutorRegistry.all()) {
      if (entry.unavailableReason().isPresent()) {
        continue;
      }
      for (boolean workloadUpdatesCounter : new boolean[] {false, true}) {
        CountingBatch batch = new CountingBatch(500);
        if (entry.inOtherProcesses()) {
          continue; // tasks run in other JVMs: see the process package's tests
        }
        try (ExecutorRun run = entry.create(workloadUpdatesCounter)
            .open(new ExecutorSettings(3, 1_000_000), new WorkloadSpec("tiny", java.util.Map.of()))) {
          run.execute(batch);
        }
        for (int i = 0; i < batch.size(); i++) {
          assertThat(batch.runs.get(i)).as(entry.name() + " task " + i).isEqualTo(1);
        }
      }
    }
  }

  /** ExecutorRegistry.Create is a switch on names: every entry must have its case, and make its own class. */
  @Test
  void everyEntryMakesItsOwnExecutor() {
    java.util.Map<String, String> classes = java.util.Map.of("single", "SingleThreadExecutor",
        "thread-per-task", "ThreadPerTaskExecutor", "thread-pool", "FixedThreadPoolExecutor",
        "virtual", "VirtualThreadExecutor", "lock", "LockExecutor", "gil", "GilExecutor",
        "fork", "ForkExecutor", "process-pool", "ProcessPoolExecutor");
    assertThat(ExecutorRegistry.names()).containsExactlyInAnyOrderElementsOf(classes.keySet());
    for (ExecutorRegistry.Entry entry : ExecutorRegistry.all()) {
      if (entry.unavailableReason().isPresent()) {
        assertThatThrownBy(() -> entry.create(false)).as(entry.name()).isInstanceOf(IllegalStateException.class);
      } else {
        assertThat(entry.create(false).getClass().getSimpleName()).as(entry.name())
            .isEqualTo(classes.get(entry.name()));
      }
    }
    assertThatThrownBy(() -> new ExecutorRegistry.Create("no-such").apply(false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no-such");
  }

  @Test
  void theRegistryNamesAreUniqueAndDescribed() {
    assertThat(ExecutorRegistry.names()).doesNotHaveDuplicates()
        .contains("single", "thread-per-task", "thread-pool", "virtual", "lock", "gil");
    assertThat(ExecutorRegistry.all()).allSatisfy(e -> assertThat(e.description()).isNotBlank());
  }
}
