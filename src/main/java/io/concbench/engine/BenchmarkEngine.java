package io.concbench.engine;

import io.concbench.capacity.CapacityProbe;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.PhaseTimes;
import io.concbench.executor.WorkloadSpec;
import java.util.Map;
import java.util.TreeMap;
import io.concbench.workload.TaskKernel;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Runs groups of cases: first the workload kernel's JIT warm-up, then warm-up runs, then measured runs,
 * always round-robin across the cases of a group, so that a drift of the machine's speed hits every case
 * alike instead of whichever happened to run last.
 */
public final class BenchmarkEngine {

  private final Clock clock;
  private final CpuClock cpuClock;
  private final Cancellation cancellation;
  private final Progress progress;
  private final CapacityProbe capacityProbe;
  private final int processors;

  public BenchmarkEngine(Clock clock, CpuClock cpuClock, Cancellation cancellation, Progress progress) {
    this(clock, cpuClock, cancellation, progress, null, 1);
  }

  /**
   * @param capacityProbe probes the machine's capacity once per measured round for parallel cases, or null
   * @param processors the processors a probe may use (k is capped there)
   */
  public BenchmarkEngine(Clock clock, CpuClock cpuClock, Cancellation cancellation, Progress progress,
      CapacityProbe capacityProbe, int processors) {
    this.clock = clock;
    this.cpuClock = cpuClock;
    this.cancellation = cancellation;
    this.progress = progress;
    this.capacityProbe = capacityProbe;
    this.processors = processors;
  }

  /**
   * The measured runs of one case, and the machine's capacity for its parallelism probed in the same
   * rounds (empty if not probed).
   */
  public record Measurement(BenchmarkCase benchmarkCase, List<RunSample> runs, Histogram latencyNanos,
      List<Double> capacity, String capacityMethod, int capacityK) {

    public Measurement(BenchmarkCase benchmarkCase, List<RunSample> runs, Histogram latencyNanos) {
      this(benchmarkCase, runs, latencyNanos, List.of(), null, 0);
    }
  }

  /** The k to probe for a case: its parallel threads, capped at the processors; 0 if not parallel. */
  int capacityK(BenchmarkCase c) {
    int k = Math.min(c.workers(), processors);
    return capacityProbe != null && k >= 2 ? k : 0;
  }

  /**
   * Measures every case of a group (cases share the workload, parameters and task count).
   *
   * @param step runs already done in the whole benchmark, for progress
   * @param steps runs in the whole benchmark
   * @throws Cancellation.CancelledException if the user interrupted; nothing of the group is kept
   */
  public List<Measurement> runGroup(List<BenchmarkCase> cases, int warmup, int runs, int step, int steps)
      throws InterruptedException {
    if (cases.isEmpty()) {
      return List.of();
    }
    BenchmarkCase first = cases.get(0);
    TaskKernel kernel = first.workload().bind(first.params());
    kernel.warmUp();
    List<Executor> executors = new ArrayList<>();
    for (BenchmarkCase c : cases) {
      executors.add(c.executor().create(c.workload().usesCounter()));
    }
    int done = step;
    for (int w = 1; w <= warmup; w++) {
      for (int i = 0; i < cases.size(); i++) {
        progress.runStarting(cases.get(i), true, w, warmup, ++done, steps);
        runOnce(cases.get(i), executors.get(i), kernel);
      }
    }
    List<List<RunSample>> samples = new ArrayList<>();
    cases.forEach(c -> samples.add(new ArrayList<>()));
    Map<Integer, List<Double>> capacity = new TreeMap<>();
    cases.stream().map(this::capacityK).filter(k -> k > 0).forEach(k -> capacity.put(k, new ArrayList<>()));
    for (int r = 1; r <= runs; r++) {
      // Probed in every round, between the runs it qualifies, so it sees the same minutes.
      for (Map.Entry<Integer, List<Double>> probe : capacity.entrySet()) {
        cancellation.check();
        probe.getValue().add(capacityProbe.measure(probe.getKey()));
      }
      for (int i = 0; i < cases.size(); i++) {
        progress.runStarting(cases.get(i), false, r, runs, ++done, steps);
        samples.get(i).add(runOnce(cases.get(i), executors.get(i), kernel));
      }
    }
    List<Measurement> measurements = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Histogram all = new Histogram(RunRecorder.MAX_LATENCY_NANOS, 3);
      samples.get(i).forEach(s -> all.add(s.latencyNanos()));
      int k = capacityK(cases.get(i));
      measurements.add(k == 0 ? new Measurement(cases.get(i), List.copyOf(samples.get(i)), all)
          : new Measurement(cases.get(i), List.copyOf(samples.get(i)), all, List.copyOf(capacity.get(k)),
              capacityProbe.method(), k));
    }
    return measurements;
  }

  private RunSample runOnce(BenchmarkCase benchmarkCase, Executor executor, TaskKernel kernel)
      throws InterruptedException {
    cancellation.check();
    RunRecorder recorder = new RunRecorder(benchmarkCase, kernel,
        benchmarkCase.guardIfAny().orElse(io.concbench.executor.Guard.ATOMIC).newCounter(), clock,
        cancellation);
    long wall;
    CpuTimes cpu;
    ExecutorRun run = executor.open(benchmarkCase.settings(),
        new WorkloadSpec(benchmarkCase.workload().name(), benchmarkCase.params().asMap()));
    try (run) {
      CpuTimes cpuStart = cpuClock.read();
      long start = clock.nanoTime();
      run.execute(recorder);
      wall = clock.nanoTime() - start;
      cpu = cpuClock.read().since(cpuStart);
    }
    // Phase times (worker start-up, shutdown) are complete only once the run is closed.
    Map<String, Double> phases = run instanceof PhaseTimes p ? p.phaseMillis() : Map.of();
    if (run instanceof PhaseTimes p && p.childCpuNanos() > 0 && cpu.totalNanos() >= 0) {
      cpu = new CpuTimes(cpu.totalNanos() + p.childCpuNanos(), -1, -1); // the user/system split is ours only
    }
    RunSample sample = recorder.finish(wall, cpu, phases);
    // A run cut short by Ctrl-C measured fewer tasks than asked: it is not a result.
    cancellation.check();
    return sample;
  }
}
