package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.Phase;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.FrameCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real fork children, bounded: each test waits only for its tasks' outcomes, and none depends on how fast
 * the machine is. What the scheduler decides is tested without processes in ChunkSchedulerTest; this is
 * the driver around it.
 */
class ForkRunTest {

  private static final WorkerCommand COMMAND = WorkerCommand.of(null, List.of("-Xmx64m"), null);

  @Test
  @Timeout(90)
  void everyTaskRunsOnceInItsOwnChildAndEachPhaseIsTimed() throws Exception {
    RecordingBatch batch = new RecordingBatch(4, index -> {});
    ForkRun run = new ForkRun(2, settings(8, 1, 0), new WorkloadSpec("tiny", Map.of()), COMMAND);
    try (run) {
      run.execute(batch);
    }

    assertThat(batch.failures()).isEmpty();
    for (int i = 0; i < batch.size(); i++) {
      assertThat(batch.completions.get(i)).as("task " + i).isEqualTo(1);
    }
    RunCosts costs = run.costs();
    for (Phase phase : List.of(Phase.STARTUP, Phase.IPC, Phase.COMPUTE, Phase.EXIT)) {
      assertThat(costs.millis(phase)).as(phase.name()).hasValueSatisfying(ms -> assertThat(ms).isPositive());
    }
    assertThat(costs.millis(Phase.POOL_START)).isEmpty();
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }

  @Test
  @Timeout(90)
  void aHungChildIsKilledAtTheTimeoutAndItsTaskFailsAsTimedOut() throws Exception {
    RecordingBatch batch = new RecordingBatch(3, index -> {});
    ProcessSettings settings = settings(0, 1, TimeUnit.MILLISECONDS.toNanos(300));

    try (ForkRun run = new ForkRun(2, settings, new WorkloadSpec("io", Map.of("sleep-ms", "600000")), COMMAND)) {
      run.execute(batch);
    }

    assertThat(batch.failures()).extracting(TaskFailure::task).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(batch.failures()).allSatisfy(failure -> {
      assertThat(failure.timedOut()).isTrue();
      assertThat(failure.reason()).isEqualTo("ran over --task-timeout of 300 ms");
      assertThat(failure.workerPid()).isPositive();
    });
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }

  @Test
  @Timeout(90)
  void aChildThatDiesIsReplacedUpToRetriesThenItsTaskFailsWithExitCodeAndStderr() throws Exception {
    // A 20 MiB heap cannot take a 16 MiB payload frame: every child dies of OutOfMemoryError on it.
    WorkerCommand small = WorkerCommand.of(null, List.of("-Xmx20m"), null);
    RecordingBatch batch = new RecordingBatch(1, index -> {});

    try (ForkRun run = new ForkRun(1, settings(FrameCodec.MAX_PAYLOAD_BYTES, 1, 0),
        new WorkloadSpec("tiny", Map.of()), small)) {
      run.execute(batch);
    }

    assertThat(batch.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.task()).isZero();
      assertThat(failure.timedOut()).isFalse();
      assertThat(failure.reason()).startsWith("child died: ");
      assertThat(failure.exitCode()).isEqualTo(3); // -XX:+ExitOnOutOfMemoryError
      assertThat(failure.stderrTail()).contains("OutOfMemoryError");
    });
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }

  @Test
  @Timeout(30)
  void aJvmThatCannotBeSpawnedFailsEachTaskOnceWithTheReason() throws Exception {
    WorkerCommand missing = WorkerCommand.of("/nonexistent/bin/java", List.of(), null);
    RecordingBatch batch = new RecordingBatch(3, index -> {});

    try (ForkRun run = new ForkRun(2, settings(0, 5, 0), new WorkloadSpec("tiny", Map.of()), missing)) {
      run.execute(batch);
    }

    assertThat(batch.failures()).extracting(TaskFailure::task).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(batch.failures()).allSatisfy(failure -> {
      assertThat(failure.reason()).startsWith("could not start a JVM: Cannot run program \"/nonexistent/bin/java\"");
      assertThat(failure.workerPid()).isEqualTo(-1);
    });
  }

  private static ProcessSettings settings(int payloadBytes, int retries, long timeoutNanos) {
    return new ProcessSettings(null, List.of(), 0, 0, payloadBytes, retries, timeoutNanos);
  }
}
