package io.concbench.engine;

import io.concbench.api.ParamValues;
import io.concbench.api.TaskKernel;
import io.concbench.capacity.CapacityProbe;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.RunCosts;
import io.concbench.executor.WorkloadSpec;
import io.concbench.system.BackgroundLoad;
import io.concbench.system.BackgroundMeter;
import io.concbench.system.ProcessCpu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * Runs groups of cases: first the workload kernel's JIT warm-up, then warm-up runs, then measured runs,
 * always round-robin across the cases of a group, so that a drift of the machine's speed hits every case
 * alike instead of whichever happened to run last.
 */
public final class BenchmarkEngine {

  private final EngineDependencies world;
  private final Cancellation cancellation;
  private final Pacer pacer;

  public BenchmarkEngine(EngineDependencies world) {
    this(world, Pacer.parking(world.clock(), world.cancellation()));
  }

  /** With a pacer of the test's, which moves its fake clock. */
  BenchmarkEngine(EngineDependencies world, Pacer pacer) {
    this.world = world;
    this.cancellation = world.cancellation();
    this.pacer = pacer;
  }

  /** A capacity figure a group needs: for in-process or for other-process executors, for k workers. */
  private record ProbeKey(boolean otherProcesses, int k) {}

  /**
   * The probes of one group (made on first use, closed with the group) and their samples, and the span over
   * which the group's background load is measured.
   */
  private final class GroupProbes implements AutoCloseable {
    private final Map<Boolean, CapacityProbe> probes = new java.util.HashMap<>();
    private final Map<ProbeKey, List<Double>> samples = new java.util.LinkedHashMap<>();
    /** Started with the group's first measured round. */
    private final BackgroundMeter.Span backgroundSpan = world.background().start();
    private Optional<BackgroundLoad> backgroundLoad = Optional.empty();
    private boolean backgroundRead;

    GroupProbes(List<BenchmarkCase> cases) {
      for (BenchmarkCase c : cases) {
        if (capacityK(c) > 0) {
          samples.putIfAbsent(key(c), new ArrayList<>());
        }
      }
    }

    ProbeKey key(BenchmarkCase c) {
      return new ProbeKey(otherProcesses(c), capacityK(c));
    }

    /**
     * What else used the CPUs over the group's measured rounds: read once, when the first result is handed
     * out, so that every result of the group reports the same figure (and its warning is said once).
     */
    BackgroundLoad backgroundLoad() {
      if (!backgroundRead) {
        backgroundLoad = backgroundSpan.read();
        backgroundRead = true;
      }
      return backgroundLoad.orElse(null);
    }

    CapacityProbe probe(boolean otherProcesses) {
      return probes.computeIfAbsent(otherProcesses, world.capacityProbes()::probeFor);
    }

    /** One probe of every kind and k the group needs: once per measured round. */
    void probeAll() throws InterruptedException {
      for (Map.Entry<ProbeKey, List<Double>> entry : samples.entrySet()) {
        cancellation.check();
        entry.getValue().add(probe(entry.getKey().otherProcesses()).measure(entry.getKey().k()));
      }
    }

    @Override
    public void close() {
      probes.values().forEach(CapacityProbe::close);
    }
  }

  private static boolean otherProcesses(BenchmarkCase c) {
    return c.executor().traits().inOtherProcesses();
  }

  /**
   * The measured runs of one case, the machine's capacity for its parallelism probed in the same rounds
   * (empty if not probed), and what else used the CPUs during its group's measured rounds (null if unknown).
   */
  public record Measurement(BenchmarkCase benchmarkCase, List<RunSample> runs, Histogram latencyNanos,
      List<Double> capacity, String capacityMethod, int capacityK, BackgroundLoad backgroundLoad) {

    public Measurement(BenchmarkCase benchmarkCase, List<RunSample> runs, Histogram latencyNanos) {
      this(benchmarkCase, runs, latencyNanos, List.of(), null, 0, null);
    }

    /**
     * One case's measurements from several groups as one ({@code advise} measures a case over several
     * rungs): their runs and capacity samples in order; the probe and background load of the last.
     */
    public static Measurement merged(List<Measurement> parts) {
      List<RunSample> runs = new ArrayList<>();
      List<Double> capacity = new ArrayList<>();
      Histogram latency = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
      for (Measurement m : parts) {
        runs.addAll(m.runs());
        capacity.addAll(m.capacity());
        latency.add(m.latencyNanos());
      }
      Measurement last = parts.get(parts.size() - 1);
      return new Measurement(last.benchmarkCase(), List.copyOf(runs), latency, List.copyOf(capacity),
          last.capacityMethod(), last.capacityK(), last.backgroundLoad());
    }
  }

  /**
   * The k to probe for a case: its parallel threads, capped at the processors; 0 if not parallel, or if its
   * work waits rather than computes (no core count caps it).
   */
  int capacityK(BenchmarkCase c) {
    int k = Math.min(c.workers(), world.processors());
    return world.capacityProbes() != null && k >= 2 && c.workload().boundByCores() ? k : 0;
  }

  /**
   * Measures every case of a group.
   *
   * @param step runs already done in the whole benchmark, for progress
   * @param steps runs in the whole benchmark
   * @throws Cancellation.CancelledException if the user interrupted; nothing of the group is kept
   */
  public List<Measurement> runGroup(List<BenchmarkCase> cases, int warmup, int runs, int step, int steps)
      throws InterruptedException {
    return runGroup(cases, warmup, runs, step, steps, m -> {});
  }

  /**
   * Measures every case of a group. Cases may differ in workload and parameters (a {@code matrix} puts all
   * its combinations in one group, so that they are interleaved too): each workload with its parameters is
   * bound and its kernel's JIT warmed once, before the first warm-up run.
   *
   * @param finished told of each case's measurement as soon as its last run is done (in the last round, in
   *     case order), so that a caller can save results before the whole group is over
   * @throws Cancellation.CancelledException if the user interrupted; before it is thrown, every case not
   *     yet handed out is, with the runs of the rounds that every case completed (none if no round was
   *     complete), so a long group interrupted late keeps what it measured
   */
  public List<Measurement> runGroup(List<BenchmarkCase> cases, int warmup, int runs, int step, int steps,
      Consumer<Measurement> finished) throws InterruptedException {
    if (cases.isEmpty()) {
      return List.of();
    }
    Map<KernelKey, TaskKernel> kernelsByKey = new LinkedHashMap<>();
    List<TaskKernel> kernels = new ArrayList<>();
    for (BenchmarkCase c : cases) {
      kernels.add(kernelsByKey.computeIfAbsent(new KernelKey(c.workload().name(), c.params()), k -> bound(c)));
    }
    int done = step;
    for (int w = 1; w <= warmup; w++) {
      for (int i = 0; i < cases.size(); i++) {
        world.progress().runStarting(cases.get(i), true, w, warmup, ++done, steps);
        runOnce(cases.get(i), kernels.get(i));
      }
    }
    List<List<RunSample>> samples = new ArrayList<>();
    cases.forEach(c -> samples.add(new ArrayList<>()));
    List<Measurement> measurements = new ArrayList<>();
    try (GroupProbes probes = new GroupProbes(cases)) {
      int round = 0;
      try {
        for (int r = 1; r <= runs; r++) {
          round = r;
          world.turnGate().pass();
          cancellation.check();
          // Probed in every round, before the runs it qualifies, so it sees the same minutes.
          probes.probeAll();
          for (int i = 0; i < cases.size(); i++) {
            world.progress().runStarting(cases.get(i), false, r, runs, ++done, steps);
            samples.get(i).add(runOnce(cases.get(i), kernels.get(i)));
            if (r == runs) {
              Measurement measurement = measurement(cases.get(i), samples.get(i), probes, runs);
              measurements.add(measurement);
              finished.accept(measurement);
            }
          }
        }
      } catch (Cancellation.CancelledException e) {
        int completeRounds = round - 1; // the interrupted round is incomplete for some case
        for (int i = measurements.size(); i < cases.size() && completeRounds > 0; i++) {
          finished.accept(measurement(cases.get(i), samples.get(i).subList(0, completeRounds), probes,
              completeRounds));
        }
        throw e;
      }
      return measurements;
    }
  }

  /**
   * The case's workload bound to its parameters, its kernel warmed. A plug-in's bind and warm-up are the
   * plug-in's code: what they throw ends the run with the workload's name, the exception's class and
   * message, as a worker JVM reports it, not as an anonymous internal error.
   */
  private static TaskKernel bound(BenchmarkCase c) {
    try {
      TaskKernel kernel = c.workload().bind(c.params());
      kernel.warmUp();
      return kernel;
    } catch (RuntimeException | LinkageError e) {
      throw new WorkloadSetupException("workload '" + c.workload().name() + "' could not be set up: " + e, e);
    }
  }

  /** A workload's bind or warm-up failed: the run cannot start. */
  public static final class WorkloadSetupException extends RuntimeException {
    WorkloadSetupException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A workload bound to its parameter values: cases with equal keys share one kernel. */
  private record KernelKey(String workload, ParamValues params) {}

  /** A case's measurement from its first {@code rounds} runs and the capacity probed in those rounds. */
  private Measurement measurement(BenchmarkCase c, List<RunSample> runs, GroupProbes probes, int rounds) {
    Histogram all = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
    runs.forEach(s -> all.add(s.latencyNanos()));
    int k = capacityK(c);
    if (k == 0) {
      return new Measurement(c, List.copyOf(runs), all, List.of(), null, 0, probes.backgroundLoad());
    }
    List<Double> capacity = probes.samples.get(probes.key(c));
    return new Measurement(c, List.copyOf(runs), all, List.copyOf(capacity.subList(0, Math.min(rounds,
        capacity.size()))), probes.probe(otherProcesses(c)).method(), k, probes.backgroundLoad());
  }

  private RunSample runOnce(BenchmarkCase benchmarkCase, TaskKernel kernel)
      throws InterruptedException {
    cancellation.check();
    RunRecorder recorder = new RunRecorder(benchmarkCase, kernel,
        benchmarkCase.guardIfAny().orElse(io.concbench.executor.Guard.ATOMIC).newCounter(),
        world.clock(), cancellation, pacer);
    long wall;
    CpuTimes cpu;
    // Outside the timed region: a new peak for this run alone (workers' peaks are their own, read by the run).
    boolean ownPeak = world.peakMemory().resetOwnPeak();
    ExecutorRun run = open(benchmarkCase);
    boolean startsProcesses = benchmarkCase.workload().startsProcesses();
    CpuTimes childrenCpu = CpuTimes.UNKNOWN;
    try (run) {
      CpuTimes childrenStart = startsProcesses ? world.cpuClock().readReapedChildren() : CpuTimes.UNKNOWN;
      CpuTimes cpuStart = world.cpuClock().read();
      long start = world.clock().nanoTime();
      recorder.startSchedule(start);
      run.execute(recorder);
      wall = world.clock().nanoTime() - start;
      cpu = world.cpuClock().read().since(cpuStart);
      if (startsProcesses) {
        childrenCpu = world.cpuClock().readReapedChildren().since(childrenStart);
      }
    }
    // Complete only once the run is closed: a pool's shutdown is timed by close().
    RunCosts costs = run.costs();
    if (costs.childCpu().isPresent() && cpu.totalNanos() >= 0) {
      ProcessCpu children = costs.childCpu().get();
      cpu = new CpuTimes(cpu.totalNanos() + children.totalNanos(), sum(cpu.userNanos(), children.userNanos()),
          sum(cpu.systemNanos(), children.systemNanos()));
    } else if (childrenCpu.totalNanos() >= 0 && cpu.totalNanos() >= 0) {
      // The processes the tasks started and waited for: their CPU is the work's, as a worker JVM's is.
      cpu = new CpuTimes(cpu.totalNanos() + childrenCpu.totalNanos(),
          sum(cpu.userNanos(), childrenCpu.userNanos()), sum(cpu.systemNanos(), childrenCpu.systemNanos()));
    }
    RunSample sample = recorder.finish(wall, cpu, costs.phaseMillis(),
        ownPeak ? world.peakMemory().ownPeakBytes() : -1,
        costs.childRssPeakBytes().orElse(recorder.childPeakBytes()));
    if (costs.cluster() != null) {
      sample = sample.withCluster(costs.cluster());
    }
    // A run cut short by Ctrl-C measured fewer tasks than asked: it is not a result.
    cancellation.check();
    return sample;
  }

  /**
   * Opens the case's executor run, interrupted by a cancellation as a sleep is: a run's set-up may wait for
   * seconds (a cluster's members to start, join and warm up), and Ctrl-C must not wait with it. A set-up
   * cut short fails however its executor reports it; a cancellation then wins, and a run opened just as
   * the cancellation came is closed again (its processes end with it).
   */
  private ExecutorRun open(BenchmarkCase c) throws InterruptedException {
    WorkloadSpec workload = new WorkloadSpec(c.workload().name(), c.params().asText(), c.workload().usesCounter());
    ExecutorRun[] opened = new ExecutorRun[1];
    try {
      cancellation.await(() -> {
        opened[0] = c.executor().open(c.settings(), workload);
        return null;
      });
    } catch (RuntimeException e) {
      if (opened[0] != null) {
        opened[0].close();
      }
      if (cancellation.isCancelled()) {
        Thread.interrupted(); // aimed at the set-up, not at what follows
        cancellation.check();
      }
      throw e;
    }
    return opened[0];
  }

  /** Ours and the children's part of the CPU time, unknown (-1) if ours is. */
  private static long sum(long own, long children) {
    return own < 0 ? -1 : own + children;
  }
}
