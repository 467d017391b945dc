package io.concbench.process.parent;

import io.concbench.executor.ExecutorRun;
import io.concbench.executor.Phase;
import io.concbench.executor.ProcessSettings;
import io.concbench.executor.RemoteTasks;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.WorkloadSpec;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.ProtocolException;
import io.concbench.system.PeakMemory;
import io.concbench.system.ProcessCpu;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One run of the {@code fork} executor: a new JVM for every task, at most {@code --workers} alive at once,
 * as the lesson's {@code multiprocessing.Process}. Each task's life is timed in parts: start-up (spawn to
 * handshake), pipe transit, compute (inside the child) and exit (goodbye to reaped).
 */
final class ForkRun implements ExecutorRun {

  private static final long EXIT_WAIT_MILLIS = 5_000;
  private static final long CANCEL_POLL_MILLIS = 100;

  private final int workers;
  private final ProcessSettings settings;
  private final WorkloadSpec workload;
  private final WorkerCommand command;
  private final Set<WorkerProcess> alive = ConcurrentHashMap.newKeySet();
  private final AtomicLong startupNanos = new AtomicLong();
  private final AtomicLong childRssPeakBytes = new AtomicLong(-1);
  private final AtomicLong transitNanos = new AtomicLong();
  private final AtomicLong computeNanos = new AtomicLong();
  private final AtomicLong exitNanos = new AtomicLong();
  private final AtomicLong children = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong childUserNanos = new AtomicLong();
  private final AtomicLong childSystemNanos = new AtomicLong();
  /** False once a child did not say its CPU time: the sums are then unknown. */
  private volatile boolean cpuKnown = true;

  ForkRun(int workers, ProcessSettings settings, WorkloadSpec workload, WorkerCommand command) {
    this.workers = workers;
    this.settings = settings;
    this.workload = workload;
    this.command = command;
  }

  @Override
  public void execute(TaskBatch batch) throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    List<Thread> drivers = new ArrayList<>();
    for (int w = 0; w < Math.min(workers, batch.size()); w++) {
      Thread driver = new Thread(() -> {
        for (int index = next.getAndIncrement(); index < batch.size() && !batch.cancelled();
            index = next.getAndIncrement()) {
          runTask(index, batch.remote(), batch);
        }
      }, "concbench-fork-driver");
      driver.start();
      drivers.add(driver);
    }
    // Drivers block reading their child's result; a cancelled run must not wait for a ten-minute task, so
    // the children are killed, which ends those reads.
    for (Thread driver : drivers) {
      while (driver.isAlive()) {
        driver.join(CANCEL_POLL_MILLIS);
        if (batch.cancelled()) {
          alive.forEach(WorkerProcess::kill);
        }
      }
    }
  }

  /** Runs one task in a new JVM, trying again in another if the child dies, up to --retries times. */
  private void runTask(int index, RemoteTasks remote, TaskBatch batch) {
    for (int attempt = 0; ; attempt++) {
      WorkerProcess child;
      try {
        child = WorkerProcess.start(command);
      } catch (IOException e) {
        remote.failed(new TaskFailure(index, "could not start a JVM: " + e.getMessage(), -1, null, false, null));
        return;
      }
      alive.add(child);
      ScheduledFuture<?> watchdog = null;
      try {
        child.awaitHello();
        startupNanos.addAndGet(child.startupNanos());
        children.incrementAndGet();
        // No warm-up: a fresh JVM per task runs cold code, and that is part of what fork costs.
        child.send(new Frame.Setup(workload.name(), workload.params(), settings.payloadBytes(), false, false));
        child.awaitReady();
        if (settings.taskTimeoutNanos() > 0) {
          watchdog = child.killAfter(settings.taskTimeoutNanos());
        }
        long sent = System.nanoTime();
        child.send(new Frame.Tasks(index, sent, false, new int[] {index}, payloads(index)));
        long looked = System.nanoTime();
        Frame reply = child.receive();
        long arrived = System.nanoTime();
        if (watchdog != null) {
          watchdog.cancel(false);
        }
        if (!(reply instanceof Frame.Results results) || results.outcomes().size() != 1) {
          throw new ProtocolException("child answered " + reply.getClass().getSimpleName() + " instead of a result");
        }
        transitNanos.addAndGet(results.transitNanos(looked, arrived));
        Frame.TaskOutcome outcome = results.outcomes().get(0);
        if (outcome.error() != null) {
          remote.failed(new TaskFailure(index, "threw in the child: " + outcome.error(), child.pid(), null, false,
              null));
        } else {
          computeNanos.addAndGet(outcome.computeNanos());
          completed.incrementAndGet();
          remote.completed(index, outcome.result(), outcome.computeNanos());
        }
        // Read while the child waits for its goodbye: once it has exited, /proc no longer has the figures.
        childRssPeakBytes.accumulateAndGet(PeakMemory.peakBytesOf(child.pid()), Math::max);
        long bye = System.nanoTime();
        child.send(Frame.Goodbye.FROM_PARENT);
        Frame farewell = child.receive();
        if (farewell instanceof Frame.Goodbye goodbye && goodbye.cpuNanos() > 0) {
          childUserNanos.addAndGet(goodbye.userNanos());
          childSystemNanos.addAndGet(goodbye.systemNanos());
        } else {
          cpuKnown = false;
        }
        child.closeInput();
        child.awaitExit(EXIT_WAIT_MILLIS);
        exitNanos.addAndGet(System.nanoTime() - bye);
        return;
      } catch (IOException e) {
        // The watchdog fired (and killed the child) if it is done without having been cancelled.
        boolean timedOut = watchdog != null && watchdog.isDone() && !watchdog.isCancelled();
        if (watchdog != null) {
          watchdog.cancel(false);
        }
        child.kill();
        Integer exitCode = child.exitCodeIfDead(2_000);
        if (timedOut) {
          remote.failed(new TaskFailure(index, "ran over --task-timeout of " + settings.taskTimeoutNanos() / 1_000_000
              + " ms", child.pid(), exitCode, true, child.stderrTail()));
          return;
        }
        if (batch.cancelled()) {
          return;
        }
        if (attempt >= settings.retries()) {
          remote.failed(new TaskFailure(index, "child died: " + e.getMessage(), child.pid(), exitCode, false,
              child.stderrTail()));
          return;
        }
      } finally {
        alive.remove(child);
      }
    }
  }

  private byte[][] payloads(int index) {
    if (settings.payloadBytes() == 0) {
      return new byte[0][];
    }
    byte[] payload = new byte[settings.payloadBytes()];
    Arrays.fill(payload, (byte) index);
    return new byte[][] {payload};
  }

  @Override
  public void close() {
    // Children still running here belong to a cancelled run: they go now.
    alive.forEach(WorkerProcess::kill);
    alive.forEach(child -> child.awaitExit(EXIT_WAIT_MILLIS));
  }

  /**
   * The phases per task; each child's whole-life CPU time (start-up, JIT, compute) as it reported it in its
   * goodbye, unknown when a child did not (the engine then counts this process's own time alone).
   */
  @Override
  public RunCosts costs() {
    Map<Phase, Double> phases = new EnumMap<>(Phase.class);
    long started = Math.max(1, children.get());
    long done = Math.max(1, completed.get());
    phases.put(Phase.STARTUP, startupNanos.get() / 1e6 / started);
    phases.put(Phase.IPC, transitNanos.get() / 1e6 / done);
    phases.put(Phase.COMPUTE, computeNanos.get() / 1e6 / done);
    phases.put(Phase.EXIT, exitNanos.get() / 1e6 / done);
    Optional<ProcessCpu> cpu = cpuKnown && childUserNanos.get() + childSystemNanos.get() > 0
        ? Optional.of(new ProcessCpu(childUserNanos.get(), childSystemNanos.get())) : Optional.empty();
    long peak = childRssPeakBytes.get();
    return new RunCosts(phases, cpu, peak < 0 ? OptionalLong.empty() : OptionalLong.of(peak));
  }
}
