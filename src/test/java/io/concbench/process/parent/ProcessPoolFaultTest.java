package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.ProcessSettings;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.FrameCodec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real worker JVMs, bounded: every wait is on an observable event (a result arriving, a process exiting),
 * each test has a timeout, and none depends on how fast the machine is.
 */
class ProcessPoolFaultTest {

  private static final WorkerCommand COMMAND = WorkerCommand.of(null, List.of("-Xmx64m"), null);

  @Test
  @Timeout(90)
  void thePoolFinishesEveryTaskWhenAWorkerIsKilledMidRun() throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    RecordingBatch batch = new RecordingBatch(8, index -> {
      // After the first result, kill a worker: its in-flight tasks must be retried elsewhere.
      if (killed.compareAndSet(false, true)) {
        WorkersOf.anyWorker().ifPresent(ProcessHandle::destroyForcibly);
      }
    });
    ProcessSettings settings = new ProcessSettings(null, List.of(), 1, 0, 0, 1, 0);

    try (ProcessPoolRun run = new ProcessPoolRun(2, settings, new WorkloadSpec("io", Map.of("sleep-ms", "200")),
        COMMAND)) {
      run.execute(batch);
    }

    assertThat(killed).isTrue();
    assertThat(batch.failures()).isEmpty();
    for (int i = 0; i < batch.size(); i++) {
      assertThat(batch.completions.get(i)).as("task " + i).isEqualTo(1);
    }
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }

  @Test
  @Timeout(90)
  void aHungTaskIsKilledAtItsTimeoutReportedAndTheRestFinish() throws Exception {
    RecordingBatch batch = new RecordingBatch(3, index -> {});
    // io tasks of ten minutes: every one hangs far past the 300 ms limit.
    ProcessSettings settings = new ProcessSettings(null, List.of(), 1, 0, 0, 1, TimeUnit.MILLISECONDS.toNanos(300));

    try (ProcessPoolRun run = new ProcessPoolRun(1, settings, new WorkloadSpec("io", Map.of("sleep-ms", "600000")),
        COMMAND)) {
      run.execute(batch);
    }

    List<TaskFailure> failures = batch.failures();
    assertThat(failures).hasSize(3);
    assertThat(failures).allSatisfy(f -> {
      assertThat(f.timedOut()).isTrue();
      assertThat(f.reason()).contains("--task-timeout of 300 ms");
      assertThat(f.workerPid()).isPositive();
    });
    assertThat(failures).extracting(TaskFailure::task).containsExactlyInAnyOrder(0, 1, 2);
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }

  @Test
  @Timeout(90)
  void aWorkerThatRunsOutOfMemoryIsReplacedAndTheTaskFailsAfterItsRetriesWithExitCodeAndStderr()
      throws Exception {
    // A 20 MiB heap cannot take a 16 MiB payload frame: every worker dies of OutOfMemoryError on it.
    WorkerCommand small = WorkerCommand.of(null, List.of("-Xmx20m"), null);
    RecordingBatch batch = new RecordingBatch(1, index -> {});
    ProcessSettings settings = new ProcessSettings(null, List.of(), 1, 0, FrameCodec.MAX_PAYLOAD_BYTES, 1, 0);

    try (ProcessPoolRun run = new ProcessPoolRun(1, settings, new WorkloadSpec("tiny", Map.of()), small)) {
      run.execute(batch);
    }

    assertThat(batch.failures()).hasSize(1);
    TaskFailure failure = batch.failures().get(0);
    assertThat(failure.task()).isZero();
    assertThat(failure.timedOut()).isFalse();
    assertThat(failure.reason()).startsWith("worker died");
    assertThat(failure.exitCode()).isEqualTo(3); // -XX:+ExitOnOutOfMemoryError
    assertThat(failure.stderrTail()).contains("OutOfMemoryError");
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }
}
