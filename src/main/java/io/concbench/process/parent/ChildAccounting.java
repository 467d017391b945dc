package io.concbench.process.parent;

import io.concbench.executor.ClusterFigures;
import io.concbench.executor.Phase;
import io.concbench.executor.RunCosts;
import io.concbench.process.wire.Frame;
import io.concbench.system.PeakMemory;
import io.concbench.system.ProcessCpu;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run's child JVMs cost besides their tasks, as {@link RunCosts}: their CPU time, the largest peak
 * memory of any of them, and the phases timed around them, with the tasks' own times from the scheduler's
 * {@link TaskLedger}. The same books for both process executors, which differ in where a child's CPU time
 * comes from:
 *
 * <ul>
 *   <li>{@code fork} children report their whole life's CPU time in their goodbye, read from their own
 *       /proc/self/stat as they exit ({@link #forkChildren()});
 *   <li>{@code process-pool} workers outlive the timed region, so their CPU time is read from /proc while
 *       they live: at the start and end of the run, and as each one leaves ({@link #poolWorkers()}).
 * </ul>
 *
 * Not thread-safe: guarded by its run's lock.
 */
final class ChildAccounting {

  private final boolean pool;
  /** The phase the start of its workers counts as: POOL_START, or CLUSTER_START for cluster members. */
  private final Phase startPhase;
  private long startupNanos;
  private long childrenStarted;
  private long exitNanos;
  private long poolStartNanos;
  private long shutdownNanos;
  private long reportedUserNanos;
  private long reportedSystemNanos;
  private boolean reportedCpuKnown = true;
  private ProcessCpu cpuAtStart = ProcessCpu.ZERO;
  private ProcessCpu cpuOfGone = ProcessCpu.ZERO;
  private ProcessCpu cpuDuringRun = ProcessCpu.ZERO;
  private long rssPeakBytes = -1;

  private ChildAccounting(boolean pool, Phase startPhase) {
    this.pool = pool;
    this.startPhase = startPhase;
  }

  /** A JVM per task: start-up and exit timed per child, CPU time as each child reports it. */
  static ChildAccounting forkChildren() {
    return new ChildAccounting(false, Phase.STARTUP);
  }

  /** Long-lived workers: the pool's start and shutdown timed per run, CPU time read from /proc. */
  static ChildAccounting poolWorkers() {
    return new ChildAccounting(true, Phase.POOL_START);
  }

  /**
   * Local cluster members: booked as pool workers, their start (launch, joins, the client's connection,
   * warm-up) as {@link Phase#CLUSTER_START}.
   */
  static ChildAccounting clusterMembers() {
    return new ChildAccounting(true, Phase.CLUSTER_START);
  }

  /** A process's CPU time in its life so far; zero once it is reaped (or not on Linux). */
  static ProcessCpu cpuOf(long pid) {
    return ProcessCpu.of(pid).orElse(ProcessCpu.ZERO);
  }

  /** A fork child said hello, {@code nanos} after it was spawned. */
  void childStarted(long nanos) {
    startupNanos += nanos;
    childrenStarted++;
  }

  /**
   * A fork child was reaped {@code nanos} after its goodbye; {@code farewell} is what it answered, its CPU
   * time unknown unless that is a goodbye that says it.
   */
  void childExited(long nanos, Frame farewell) {
    exitNanos += nanos;
    if (farewell instanceof Frame.Goodbye goodbye && goodbye.cpuNanos() > 0) {
      reportedUserNanos += goodbye.userNanos();
      reportedSystemNanos += goodbye.systemNanos();
    } else {
      reportedCpuKnown = false;
    }
  }

  /** Every pool worker was ready {@code nanos} after the first was spawned. */
  void poolStarted(long nanos) {
    poolStartNanos = nanos;
  }

  /** The timed region starts: the CPU time the live workers have used so far is not the run's. */
  void runStarts(List<Long> livePids) {
    cpuAtStart = cpuOf(livePids);
  }

  /** A pool worker left during the run, having used {@code cpu} in its life (read before it was reaped). */
  void workerGone(ProcessCpu cpu) {
    cpuOfGone = cpuOfGone.plus(cpu);
  }

  /** The timed region ends: the run's CPU time is what the live and the gone workers used since it started. */
  void runEnds(List<Long> livePids) {
    cpuDuringRun = cpuOf(livePids).plus(cpuOfGone).since(cpuAtStart);
    for (long pid : livePids) {
      notePeakMemory(pid);
    }
  }

  /** From the goodbyes to every pool worker reaped. */
  void shutDown(long nanos) {
    shutdownNanos = nanos;
  }

  /** Notes a live child's peak resident memory so far (from /proc: once it has exited, it is gone). */
  void notePeakMemory(long pid) {
    rssPeakBytes = Math.max(rssPeakBytes, PeakMemory.peakBytesOf(pid));
  }

  private static ProcessCpu cpuOf(List<Long> pids) {
    ProcessCpu total = ProcessCpu.ZERO;
    for (long pid : pids) {
      total = total.plus(cpuOf(pid));
    }
    return total;
  }

  /** The phases (per task, or per run for a pool's start and shutdown), the children's CPU and peak memory. */
  RunCosts costs(TaskLedger ledger) {
    Map<Phase, Double> phases = new EnumMap<>(Phase.class);
    long completed = ledger.tasksCompleted();
    if (pool) {
      phases.put(startPhase, poolStartNanos / 1e6);
      phases.put(Phase.SHUTDOWN, shutdownNanos / 1e6);
    } else {
      phases.put(Phase.STARTUP, startupNanos / 1e6 / Math.max(1, childrenStarted));
      phases.put(Phase.EXIT, perTaskMillis(exitNanos, completed));
    }
    phases.put(Phase.IPC, perTaskMillis(ledger.transitNanos(), completed));
    phases.put(Phase.COMPUTE, perTaskMillis(ledger.computeNanos(), completed));
    return new RunCosts(phases, childCpu(), rssPeakBytes < 0 ? OptionalLong.empty() : OptionalLong.of(rssPeakBytes));
  }

  /** The same, with the cluster's own figures. */
  RunCosts costs(TaskLedger ledger, ClusterFigures cluster) {
    RunCosts costs = costs(ledger);
    return new RunCosts(costs.phaseMillis(), costs.childCpu(), costs.childRssPeakBytes(), cluster);
  }

  /**
   * Per completed task. When none completed, a pool has always said 0 and fork the whole sum (its divisor
   * was at least 1): kept as each was, since reports of both exist.
   */
  private double perTaskMillis(long nanos, long completed) {
    if (completed == 0 && pool) {
      return 0;
    }
    return nanos / 1e6 / Math.max(1, completed);
  }

  /**
   * A pool's from /proc (a zero where there is none, not on Linux, adds nothing); fork's as its children
   * reported it, unknown when one did not (the engine then counts this process's own time alone).
   */
  private Optional<ProcessCpu> childCpu() {
    if (pool) {
      return Optional.of(cpuDuringRun);
    }
    return reportedCpuKnown && reportedUserNanos + reportedSystemNanos > 0
        ? Optional.of(new ProcessCpu(reportedUserNanos, reportedSystemNanos)) : Optional.empty();
  }
}
