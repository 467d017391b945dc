package io.concbench.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ExecutorsTest {

  private static final List<Executor> IN_PROCESS = List.of(new SingleThreadExecutor(),
      new ThreadPerTaskExecutor(), new FixedThreadPoolExecutor(), new VirtualThreadExecutor(), new LockExecutor(),
      new GilExecutor());

  @Test
  @Timeout(60)
  void everyAvailableExecutorRunsEveryTaskExactlyOnce() throws InterruptedException {
    for (Executor executor : IN_PROCESS) {
      if (executor.unavailableReason().isPresent()) {
        continue;
      }
      for (boolean workloadUpdatesCounter : new boolean[] {false, true}) {
        CountingBatch batch = new CountingBatch(500);
        try (ExecutorRun run = executor.open(new ExecutorSettings(3, 1_000_000),
            new WorkloadSpec("tiny", Map.of(), workloadUpdatesCounter))) {
          run.execute(batch);
        }
        for (int i = 0; i < batch.size(); i++) {
          assertThat(batch.runs.get(i)).as(executor.name() + " task " + i).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void theLockExecutorCountsCheckpointsOnlyForWorkThatDoesNotCountItself() throws InterruptedException {
    for (boolean workloadUpdatesCounter : new boolean[] {false, true}) {
      CountingBatch batch = new CountingBatch(10);
      try (ExecutorRun run = new LockExecutor().open(new ExecutorSettings(2, 1_000_000),
          new WorkloadSpec("tiny", Map.of(), workloadUpdatesCounter))) {
        run.execute(batch);
      }
      assertThat(batch.increments.get()).as("updates counter: " + workloadUpdatesCounter)
          .isEqualTo(workloadUpdatesCounter ? 0 : 10);
    }
  }
}
