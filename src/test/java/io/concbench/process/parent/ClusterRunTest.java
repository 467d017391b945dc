package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.ClusterFigures;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.member.MemberMain;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two real local members (slow to start: one test): a member killed with -9 mid-batch has its chunks
 * resubmitted to the survivor, counted as retries; every task completes exactly once, the members' counts
 * add up, and closing the run leaves no member behind.
 */
class ClusterRunTest {

  @Test
  @Timeout(180)
  void twoMembersShareTheWorkAndASurvivorFinishesAKilledMembersChunks() throws Exception {
    ProcessSettings settings = new ProcessSettings(null, List.of("-Xmx256m"), 1, 0, 0, 1, 0);
    AtomicBoolean killed = new AtomicBoolean();
    RecordingBatch batch = new RecordingBatch(20_000, index -> {
      if (index == 1000 && killed.compareAndSet(false, true)) {
        members().get(0).destroyForcibly();
      }
    });
    ClusterFigures figures;
    try (ClusterRun run = new ClusterRun(2, settings, new WorkloadSpec("tiny", Map.of()))) {
      run.execute(batch);
      figures = run.costs().cluster();
    }

    assertThat(killed).isTrue();
    assertEveryTaskCompletedOnce(batch);
    assertThat(figures.retries()).isPositive();
    assertThat(figures.members()).hasSize(2)
        .allSatisfy(member -> assertThat(member.readyNanos()).isPositive());
    assertThat(figures.members().stream().mapToLong(ClusterFigures.MemberFigures::tasks).sum())
        .isEqualTo(batch.size());
    assertThat(figures.members()).filteredOn(m -> m.left() != null).singleElement()
        .satisfies(lost -> assertThat(lost.left()).startsWith("member "));
    assertThat(members()).isEmpty();
  }

  /**
   * A member killed after the members joined, before its warm-up came back (the fault harness's kills at
   * start-up, 13 of 20, had ended the run with exit 1 and no report): the run goes on with the other, and
   * says which member left and why.
   */
  @Test
  @Timeout(180)
  void aMemberLostDuringSetUpLeavesTheRunToTheOther() throws Exception {
    ProcessSettings settings = new ProcessSettings(null, List.of("-Xmx256m"), 1, 0, 0, 1, 0);
    long[] killed = new long[1];
    RecordingBatch batch = new RecordingBatch(200, index -> {});
    ClusterFigures figures;
    try (ClusterRun run = new ClusterRun(2, settings, new WorkloadSpec("tiny", Map.of()), (step, pids) -> {
      if (step == ClusterRun.SetUpStep.JOINED) {
        killed[0] = kill(pids.get(0));
      }
    })) {
      run.execute(batch);
      figures = run.costs().cluster();
    }

    assertThat(killed[0]).isPositive();
    assertOneLostAndTheOtherDidAll(batch, figures);
  }

  /**
   * The same, killed before it joined (its process started, the first not yet up): the client never
   * sees it, and the run goes on with the first. scripts/cluster-faults killed one so while the client
   * waited for the members ("cluster member on port … died while starting", exit 1, no report).
   */
  @Test
  @Timeout(180)
  void aMemberLostBeforeItJoinedLeavesTheRunToTheOther() throws Exception {
    ProcessSettings settings = new ProcessSettings(null, List.of("-Xmx256m"), 1, 0, 0, 1, 0);
    long[] killed = new long[1];
    RecordingBatch batch = new RecordingBatch(200, index -> {});
    ClusterFigures figures;
    try (ClusterRun run = new ClusterRun(2, settings, new WorkloadSpec("tiny", Map.of()), (step, pids) -> {
      if (step == ClusterRun.SetUpStep.LAUNCHED) {
        killed[0] = kill(pids.get(1)); // the first will be the cluster; the second never joins it
      }
    })) {
      run.execute(batch);
      figures = run.costs().cluster();
    }

    assertThat(killed[0]).isPositive();
    assertOneLostAndTheOtherDidAll(batch, figures);
  }

  private static long kill(long pid) {
    ProcessHandle member = ProcessHandle.of(pid).orElseThrow();
    member.destroyForcibly();
    member.onExit().join();
    return pid;
  }

  private static void assertOneLostAndTheOtherDidAll(RecordingBatch batch, ClusterFigures figures) {
    assertEveryTaskCompletedOnce(batch);
    assertThat(figures.members()).hasSize(2);
    assertThat(figures.members()).filteredOn(m -> m.left() != null).singleElement().satisfies(lost -> {
      assertThat(lost.left()).startsWith("left during its set-up: ");
      assertThat(lost.tasks()).isZero();
      assertThat(lost.readyNanos()).isNegative();
    });
    assertThat(figures.members()).filteredOn(m -> m.left() == null).singleElement()
        .satisfies(served -> assertThat(served.tasks()).isEqualTo(batch.size()));
    assertThat(members()).isEmpty();
  }

  @Test
  @Timeout(180)
  void aHungTaskIsKilledWithItsMemberAtItsTimeoutReportedAndTheRunEnds() throws Exception {
    // io tasks of ten minutes: each hangs far past the 300 ms limit. Task 0's member is killed for it; task 1,
    // which it had not started, goes to the other member, which is killed for it in turn.
    ProcessSettings settings = new ProcessSettings(null, List.of("-Xmx256m"), 1, 0, 0, 1,
        TimeUnit.MILLISECONDS.toNanos(300));
    RecordingBatch batch = new RecordingBatch(2, index -> {});
    try (ClusterRun run = new ClusterRun(2, settings, new WorkloadSpec("io", Map.of("sleep-ms", "600000")))) {
      run.execute(batch);
    }

    assertThat(batch.failures()).hasSize(2).allSatisfy(f -> {
      assertThat(f.timedOut()).isTrue();
      assertThat(f.reason()).contains("--task-timeout of 300 ms");
      assertThat(f.workerPid()).isPositive();
    });
    assertThat(batch.failures()).extracting(TaskFailure::task).containsExactlyInAnyOrder(0, 1);
    assertThat(batch.failures()).extracting(TaskFailure::workerPid).doesNotHaveDuplicates();
    assertThat(members()).isEmpty();
  }

  /**
   * A member that stops answering for longer than Hazelcast's heartbeats allowed before (a JVM stalled by a
   * loaded machine: stalls of 3-5 s were logged) is not taken for dead: with a timeout of 5 s and a heartbeat
   * every 5 s, the client closed its connection (its chunks failed, and concbench killed it as gone) and the
   * other member split off into a cluster of its own. SIGSTOP stands for the stall, deterministically.
   */
  @Test
  @Timeout(180)
  void aMemberStalledForSecondsIsNotTakenForDead() throws Exception {
    ProcessSettings settings = new ProcessSettings(null, List.of("-Xmx256m"), 1, 0, 0, 1, 0);
    AtomicBoolean stopped = new AtomicBoolean();
    Thread[] stall = new Thread[1];
    RecordingBatch batch = new RecordingBatch(400, index -> {
      if (index == 40 && stopped.compareAndSet(false, true)) {
        long pid = members().get(0).pid();
        stall[0] = new Thread(() -> stall(pid, STALL_MILLIS));
        stall[0].start(); // not on the client's thread, which delivers the replies
      }
    });
    ClusterFigures figures;
    try (ClusterRun run = new ClusterRun(2, settings, new WorkloadSpec("io", Map.of("sleep-ms", "20")))) {
      run.execute(batch);
      figures = run.costs().cluster();
    }
    stall[0].join();

    assertThat(stopped).isTrue();
    assertEveryTaskCompletedOnce(batch);
    assertThat(figures.retries()).isZero();
    assertThat(members()).isEmpty();
  }

  /** Longer than twice the old heartbeat timeout of 5 s, well inside the new one. */
  private static final long STALL_MILLIS = 12_000;

  private static void stall(long pid, long millis) {
    try {
      signal("STOP", pid);
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      signal("CONT", pid);
    }
  }

  private static void signal(String name, long pid) {
    try {
      new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start().waitFor(10, TimeUnit.SECONDS);
    } catch (java.io.IOException | InterruptedException e) {
      throw new IllegalStateException("kill -" + name + " " + pid + ": " + e, e);
    }
  }

  private static void assertEveryTaskCompletedOnce(RecordingBatch batch) {
    assertThat(batch.failures()).isEmpty();
    for (int i = 0; i < batch.size(); i++) {
      assertThat(batch.completions.get(i)).as("task " + i).isEqualTo(1);
    }
  }

  private static List<ProcessHandle> members() {
    return ProcessHandle.current().descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().map(c -> c.contains(MemberMain.class.getName())).orElse(false))
        .toList();
  }
}
