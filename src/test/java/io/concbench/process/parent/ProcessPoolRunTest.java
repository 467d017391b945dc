package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.ProcessSettings;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.FrameCodec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real worker JVMs doing ordinary work: every task completes exactly once whichever thread writes its
 * chunk (a worker's reader thread for small chunks, the dispatcher for large ones), and when workers are
 * recycled. Bounded: each test waits only for its tasks' results.
 */
class ProcessPoolRunTest {

  private static final WorkerCommand COMMAND = WorkerCommand.of(null, List.of("-Xmx64m"), null);

  @Test
  @Timeout(90)
  void tinyChunksWithPayloadsAreWrittenByTheReadersAndAllComplete() throws Exception {
    RecordingBatch batch = run(2, 400, new ProcessSettings(null, List.of(), 1, 0, 100, 1, 0));

    assertEveryTaskCompletedOnce(batch);
  }

  @Test
  @Timeout(90)
  void chunksTooLargeForAPipeAreWrittenByTheDispatcherAndAllComplete() throws Exception {
    // 50 tasks of 4 KiB each way: 200 KiB frames, more than a pipe holds.
    assertThat(FrameCodec.tasksFrameBytes(50, 4096)).isGreaterThan(WorkerSlot.DIRECT_WRITE_BYTES * 16L);
    RecordingBatch batch = run(2, 400, new ProcessSettings(null, List.of(), 50, 0, 4096, 1, 0));

    assertEveryTaskCompletedOnce(batch);
  }

  @Test
  @Timeout(90)
  void workersRecycledAfterMaxTasksPerChildFinishEveryTask() throws Exception {
    RecordingBatch batch = run(2, 30, new ProcessSettings(null, List.of(), 1, 4, 0, 1, 0));

    assertEveryTaskCompletedOnce(batch);
  }

  @Test
  @Timeout(90)
  void taskStartsAreReportedWithATimeoutThatNoTaskReaches() throws Exception {
    RecordingBatch batch = run(2, 200, new ProcessSettings(null, List.of(), 1, 0, 0, 1, 60_000_000_000L));

    assertEveryTaskCompletedOnce(batch);
  }

  @Test
  @Timeout(90)
  void aWorkerKilledAmongQuickChunksLosesNoTaskAndFailsNone() throws Exception {
    AtomicBoolean killed = new AtomicBoolean();
    RecordingBatch batch = new RecordingBatch(3000, index -> {
      // Mid-run, when chunks go several at a time and results may be held back: kill a worker.
      if (index == 1000 && killed.compareAndSet(false, true)) {
        WorkersOf.anyWorker().ifPresent(ProcessHandle::destroyForcibly);
      }
    });
    ProcessSettings settings = new ProcessSettings(null, List.of(), 1, 0, 0, 0, 0); // --retries 0
    try (ProcessPoolRun run = new ProcessPoolRun(2, settings, new WorkloadSpec("tiny", Map.of()), COMMAND)) {
      run.execute(batch);
    }

    assertThat(killed).isTrue();
    assertThat(batch.failures()).hasSizeLessThanOrEqualTo(1); // the task it was running, if that was known
    Set<Integer> failed = batch.failures().stream().map(TaskFailure::task).collect(Collectors.toSet());
    for (int i = 0; i < batch.size(); i++) {
      assertThat(batch.completions.get(i)).as("task " + i).isEqualTo(failed.contains(i) ? 0 : 1);
    }
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }

  private static RecordingBatch run(int workers, int tasks, ProcessSettings settings) throws Exception {
    RecordingBatch batch = new RecordingBatch(tasks, index -> {});
    ProcessPoolRun run = new ProcessPoolRun(workers, settings, new WorkloadSpec("tiny", Map.of()), COMMAND);
    try (run) {
      run.execute(batch);
    }
    assertThat(run.costs().millis(io.concbench.executor.Phase.IPC)).hasValueSatisfying(ms -> assertThat(ms).isPositive());
    return batch;
  }

  private static void assertEveryTaskCompletedOnce(RecordingBatch batch) {
    assertThat(batch.failures()).isEmpty();
    for (int i = 0; i < batch.size(); i++) {
      assertThat(batch.completions.get(i)).as("task " + i).isEqualTo(1);
    }
    assertThat(WorkersOf.workers(ProcessHandle.current())).isEmpty();
  }
}
