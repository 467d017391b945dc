package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.concbench.executor.Phase;
import io.concbench.executor.RunCosts;
import io.concbench.process.wire.Frame;
import io.concbench.system.ProcessCpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The costs of a run's children, from figures given by hand (and /proc for this process's own). */
class ChildAccountingTest {

  private static final long MS = 1_000_000;

  @Test
  void forkTimesStartUpPerChildAndTheRestPerCompletedTaskAndSumsTheCpuItsChildrenReport() {
    ChildAccounting fork = ChildAccounting.forkChildren();
    fork.childStarted(100 * MS);
    fork.childStarted(300 * MS); // this child's task then failed: its start-up counts, its exit does not
    fork.childExited(10 * MS, new Frame.Goodbye(1, 700 * MS, 100 * MS));
    TaskLedger ledger = ledger(1, 2 * MS, 3 * MS);

    RunCosts costs = fork.costs(ledger);

    assertThat(costs.phaseMillis()).containsExactlyInAnyOrderEntriesOf(Map.of(
        Phase.STARTUP, 200.0, Phase.EXIT, 10.0, Phase.COMPUTE, 2.0, Phase.IPC, 3.0));
    assertThat(costs.childCpu()).contains(new ProcessCpu(700 * MS, 100 * MS));
  }

  @Test
  void forksCpuIsUnknownOnceAChildDidNotReportIt() {
    ChildAccounting fork = ChildAccounting.forkChildren();
    fork.childExited(10 * MS, new Frame.Goodbye(1, 700 * MS, 100 * MS));
    fork.childExited(10 * MS, new Frame.Goodbye(1, -1, -1)); // no /proc in that child

    assertThat(fork.costs(ledger(2, 0, 0)).childCpu()).isEmpty();
  }

  @Test
  void withNoTaskCompletedAPoolSaysZeroAndForkTheSumAsEachAlwaysHas() {
    TaskLedger none = ledger(0, 0, 5 * MS);

    assertThat(ChildAccounting.poolWorkers().costs(none).millis(Phase.IPC)).contains(0.0);
    assertThat(ChildAccounting.forkChildren().costs(none).millis(Phase.IPC)).contains(5.0);
  }

  @Test
  void aPoolTimesItsStartAndShutdownPerRunAndCountsItsWorkersCpuFromProc() {
    assumeThat(Files.isReadable(Path.of("/proc/self/stat"))).as("Linux's /proc").isTrue();
    ChildAccounting pool = ChildAccounting.poolWorkers();
    long self = ProcessHandle.current().pid();
    pool.poolStarted(250 * MS);
    pool.runStarts(List.of());
    pool.workerGone(new ProcessCpu(40 * MS, 0));
    pool.runEnds(List.of(self)); // a "worker" whose whole life so far is this test JVM's
    pool.shutDown(9 * MS);

    RunCosts costs = pool.costs(ledger(1, MS, MS));

    assertThat(costs.phaseMillis()).containsOnlyKeys(Phase.POOL_START, Phase.SHUTDOWN, Phase.COMPUTE, Phase.IPC);
    assertThat(costs.millis(Phase.POOL_START)).contains(250.0);
    assertThat(costs.millis(Phase.SHUTDOWN)).contains(9.0);
    // The gone worker's 40 ms, and all this JVM has used so far (it started before the run).
    assertThat(costs.childCpu()).hasValueSatisfying(cpu -> assertThat(cpu.totalNanos()).isGreaterThan(40 * MS));
    assertThat(costs.childRssPeakBytes().orElse(-1)).isPositive();
  }

  /** A ledger with {@code completed} tasks done, their compute and transit summed as given. */
  private static TaskLedger ledger(int completed, long computeNanos, long transitNanos) {
    TaskLedger ledger = new TaskLedger("worker", 0);
    RecordingBatch batch = new RecordingBatch(Math.max(1, completed), index -> {});
    ledger.begin(completed, batch);
    for (int i = 0; i < completed; i++) {
      ledger.outcome(1, new Frame.TaskOutcome(i, i, i == 0 ? computeNanos : 0, null), new byte[0][], i);
    }
    ledger.transit(transitNanos);
    return ledger;
  }
}
