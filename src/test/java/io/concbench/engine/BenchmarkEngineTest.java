package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskFailedException;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.Fakes.FakeClock;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorTraits;
import io.concbench.executor.Phase;
import io.concbench.executor.RunCosts;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskFailure;
import io.concbench.executor.TaskRunner;
import io.concbench.system.BackgroundLoad;
import io.concbench.system.BackgroundMeter;
import io.concbench.system.PeakMemory;
import io.concbench.system.ProcessCpu;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BenchmarkEngineTest {

  private static final long TEN_MS = 10_000_000L;

  private final FakeClock clock = new FakeClock();
  private final List<String> opened = new ArrayList<>();

  @Test
  void wallTimeAndLatencyAreExactWithAFakeClock() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    BenchmarkCase single = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 4, 1);

    List<Measurement> measured = engine().runGroup(List.of(single), 2, 3, 0, 5);

    Measurement m = measured.get(0);
    assertThat(m.runs()).hasSize(3);
    assertThat(m.runs()).allSatisfy(run -> {
      assertThat(run.wallNanos()).isEqualTo(4 * TEN_MS);
      assertThat(run.cpu().totalNanos()).isEqualTo(4 * TEN_MS);
      assertThat(run.completedTasks()).isEqualTo(4);
      assertThat(run.failedTasks()).isZero();
      assertThat(run.latencyNanos().getTotalCount()).isEqualTo(4);
    });
    assertThat(m.latencyNanos().getTotalCount()).isEqualTo(12);
    // Every task took exactly 10 ms: every percentile is in 10 ms's bucket (3 significant digits).
    assertThat(m.latencyNanos().valuesAreEquivalent(m.latencyNanos().getMinValue(), TEN_MS)).isTrue();
    assertThat(m.latencyNanos().valuesAreEquivalent(m.latencyNanos().getMaxValue(), TEN_MS)).isTrue();
  }

  @Test
  void everyRunStartsANewMemoryPeakAndReportsItsOwn() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    BenchmarkCase single = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1);
    // Each reset starts a new peak, 1 MiB higher than the last: a run must report the peak of its own.
    PeakMemory memory = new PeakMemory() {
      private long resets;

      @Override
      public boolean resetOwnPeak() {
        resets++;
        return true;
      }

      @Override
      public long ownPeakBytes() {
        return resets << 20;
      }
    };
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock),
        new Cancellation(), Progress.NONE).withPeakMemory(memory));

    Measurement m = engine.runGroup(List.of(single), 1, 3, 0, 4).get(0);

    // The warm-up run took the first reset.
    assertThat(m.runs()).extracting(RunSample::rssPeakBytes).containsExactly(2L << 20, 3L << 20, 4L << 20);
    assertThat(m.runs()).extracting(RunSample::workerRssPeakBytes).containsOnly(-1L);
  }

  /**
   * Process executors' children: their CPU time is added to ours part by part; children that did not say
   * add nothing; where our own split is unknown, so is the sum's.
   */
  @Test
  void childrenCpuIsAddedToOursPartByPartAndAnUnknownPartStaysUnknown() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    CpuClock ours = () -> new CpuTimes(clock.nanoTime(), clock.nanoTime() / 2, clock.nanoTime() / 2);
    CpuClock oursUnsplit = () -> new CpuTimes(clock.nanoTime(), -1, -1);
    RunCosts children = new RunCosts(Map.of(Phase.STARTUP, 3.0),
        Optional.of(new ProcessCpu(5 * TEN_MS, 2 * TEN_MS)), OptionalLong.of(64L << 20));

    RunSample known = runWithCosts(workload, ours, children);
    CpuTimes unknownChildren = runWithCosts(workload, ours, RunCosts.NONE).cpu();
    CpuTimes unsplitOurs = runWithCosts(workload, oursUnsplit, children).cpu();

    assertThat(known.cpu()).isEqualTo(new CpuTimes(2 * TEN_MS + 7 * TEN_MS, TEN_MS + 5 * TEN_MS,
        TEN_MS + 2 * TEN_MS));
    assertThat(known.phaseMillis()).containsExactly(Map.entry(Phase.STARTUP, 3.0));
    assertThat(known.workerRssPeakBytes()).isEqualTo(64L << 20);
    assertThat(unknownChildren).isEqualTo(new CpuTimes(2 * TEN_MS, TEN_MS, TEN_MS));
    assertThat(unsplitOurs).isEqualTo(new CpuTimes(9 * TEN_MS, -1, -1));
  }

  /**
   * Work that starts processes of its own (commands): the CPU time of the children it waited for is added to
   * ours, and the largest peak memory its tasks reported is the run's worker peak.
   */
  @Test
  void theChildrenAWorkloadStartedCountInItsCpuTimeAndTheirLargestPeakIsReported()
      throws InterruptedException {
    AtomicLong reaped = new AtomicLong();
    CpuClock ours = new CpuClock() {
      @Override
      public CpuTimes read() {
        return new CpuTimes(clock.nanoTime(), clock.nanoTime() / 2, clock.nanoTime() / 2);
      }

      @Override
      public CpuTimes readReapedChildren() {
        return new CpuTimes(reaped.get(), reaped.get(), 0);
      }
    };
    Workload commands = startingProcesses(Fakes.workload(clock, TEN_MS, Set.of(), Set.of()), reaped);
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, ours, new Cancellation(),
        Progress.NONE));

    RunSample run = engine.runGroup(List.of(Fakes.benchmarkCase(commands, Fakes.sequentialExecutor("a", false,
        opened::add), 3, 1)), 0, 1, 0, 1).get(0).runs().get(0);

    // Three tasks of 10 ms here, each with a child of 30 ms of user time; the child of task i peaked at i MiB.
    assertThat(run.cpu()).isEqualTo(new CpuTimes(3 * TEN_MS + 9 * TEN_MS, 3 * TEN_MS / 2 + 9 * TEN_MS,
        3 * TEN_MS / 2));
    assertThat(run.workerRssPeakBytes()).isEqualTo(2L << 20);
  }

  @Test
  void aTaskFailureWithDetailsIsKeptWithThemAndAnyOtherWithItsClassAndMessage() throws InterruptedException {
    Workload failing = Fakes.workload(clock, TEN_MS, Set.of(1), Set.of());
    Workload described = new ForwardingWorkload(failing) {
      @Override
      public TaskKernel bind(ParamValues values) {
        TaskKernel kernel = failing.bind(values);
        return new TaskKernel() {
          @Override
          public long run(int index, TaskContext context) throws InterruptedException {
            if (index == 2) {
              throw new TaskFailedException("exit status 3", 3, 4242, false, "it broke");
            }
            return kernel.run(index, context);
          }

          @Override
          public boolean verify(int index, long result) {
            return kernel.verify(index, result);
          }
        };
      }
    };
    BenchmarkCase c = Fakes.benchmarkCase(described, Fakes.sequentialExecutor("a", false, opened::add), 4, 1);

    RunSample run = engine().runGroup(List.of(c), 0, 1, 0, 1).get(0).runs().get(0);

    assertThat(run.failedTasks()).isEqualTo(2);
    assertThat(run.failures()).containsExactly(
        new TaskFailure(1, "java.lang.IllegalStateException: boom 1", -1, null, false, null),
        new TaskFailure(2, "exit status 3", 4242, 3, false, "it broke"));
  }

  /** The workload, saying that its tasks start processes; each task's child used 30 ms and peaked at i MiB. */
  private Workload startingProcesses(Workload workload, AtomicLong reaped) {
    return new ForwardingWorkload(workload) {
      @Override
      public boolean startsProcesses() {
        return true;
      }

      @Override
      public TaskKernel bind(ParamValues values) {
        TaskKernel kernel = workload.bind(values);
        return new TaskKernel() {
          @Override
          public long run(int index, TaskContext context) throws InterruptedException {
            long result = context.blocking(() -> kernel.run(index, context));
            reaped.addAndGet(3 * TEN_MS);
            context.childPeakMemory((long) index << 20);
            return result;
          }

          @Override
          public boolean verify(int index, long result) {
            return kernel.verify(index, result);
          }
        };
      }
    };
  }

  @Test
  void aWorkloadWhoseBindThrowsEndsTheRunNamingTheWorkloadAndWhatItThrew() {
    Workload broken = new ForwardingWorkload(Fakes.workload(clock, TEN_MS, Set.of(), Set.of())) {
      @Override
      public TaskKernel bind(ParamValues values) {
        throw new IllegalStateException("no licence key");
      }
    };
    BenchmarkCase c = Fakes.benchmarkCase(broken, Fakes.sequentialExecutor("a", false, opened::add), 2, 1);

    assertThatThrownBy(() -> engine().runGroup(List.of(c), 0, 1, 0, 1))
        .isInstanceOf(BenchmarkEngine.WorkloadSetupException.class)
        .hasMessage("workload '" + broken.name() + "' could not be set up: java.lang.IllegalStateException: "
            + "no licence key");
    assertThat(opened).as("no executor was opened").isEmpty();
  }

  /** A workload that is another one, for tests that change one of its answers. */
  private abstract static class ForwardingWorkload implements Workload {
    private final Workload workload;

    ForwardingWorkload(Workload workload) {
      this.workload = workload;
    }

    @Override
    public String name() {
      return workload.name();
    }

    @Override
    public String description() {
      return workload.description();
    }

    @Override
    public List<ParamSpec> params() {
      return workload.params();
    }

    @Override
    public int defaultTasks() {
      return workload.defaultTasks();
    }
  }

  private RunSample runWithCosts(Workload workload, CpuClock ours, RunCosts costs) throws InterruptedException {
    Executor executor = Fakes.executor(ExecutorTraits.of("children", "fake", ExecutorTraits.Concurrency.ONE)
        .otherProcesses(), (settings, spec) -> new CostedRun(costs));
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, ours, new Cancellation(),
        Progress.NONE));
    return engine.runGroup(List.of(Fakes.benchmarkCase(workload, executor, 2, 1)), 0, 1, 0, 1).get(0).runs()
        .get(0);
  }

  /** Runs tasks in order here, and says it cost what it is given. */
  private record CostedRun(RunCosts costs) implements ExecutorRun {
    @Override
    public void execute(TaskBatch batch) {
      TaskRunner runner = batch.newRunner();
      for (int i = 0; i < batch.size(); i++) {
        runner.run(i);
      }
    }

    @Override
    public void close() {}
  }

  @Test
  void warmUpRunsComeFirstAndEveryPhaseIsInterleavedAcrossCases() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    List<BenchmarkCase> group = List.of(
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1),
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("b", true, opened::add), 2, 2));
    List<String> progress = new ArrayList<>();
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock),
        new Cancellation(), (c, warmup, run, runs, step, steps) -> progress.add((warmup ? "w" : "r") + run
            + c.executor().name() + " " + step + "/" + steps)));

    List<Measurement> measured = engine.runGroup(group, 1, 2, 0, 6);

    assertThat(opened).containsExactly("a", "b", "a", "b", "a", "b");
    assertThat(progress).containsExactly("w1a 1/6", "w1b 2/6", "r1a 3/6", "r1b 4/6", "r2a 5/6", "r2b 6/6");
    assertThat(measured).extracting(m -> m.benchmarkCase().executor().name()).containsExactly("a", "b");
    assertThat(measured).allSatisfy(m -> assertThat(m.runs()).hasSize(2));
  }

  @Test
  void theTurnGateIsPassedBeforeEachRoundOfMeasuredRunsAfterItsGroupsWarmUps() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    BenchmarkCase a = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1);
    BenchmarkCase b = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("b", false, opened::add), 2, 1);
    List<String> events = new ArrayList<>();
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock),
        new Cancellation(), (c, warmup, run, runs, step, steps) -> events.add((warmup ? "w" : "r") + run
            + c.executor().name())).withTurnGate(() -> events.add("gate")));

    engine.runGroup(List.of(a), 2, 2, 0, 7);
    engine.runGroup(List.of(b), 1, 1, 4, 7);

    assertThat(events).containsExactly("w1a", "w2a", "gate", "r1a", "gate", "r2a", "w1b", "gate", "r1b");
  }

  @Test
  void aGateThatCancelsEndsTheRunBeforeAnyMeasuredRun() {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    BenchmarkCase a = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1);
    Cancellation cancellation = new Cancellation();
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE).withTurnGate(cancellation::cancel));

    assertThatThrownBy(() -> engine.runGroup(List.of(a), 1, 3, 0, 4))
        .isInstanceOf(Cancellation.CancelledException.class);
    assertThat(opened).containsExactly("a"); // the warm-up run only
  }

  @Test
  void aGateThatCancelsAtALaterTurnKeepsTheRoundsCompletedBeforeIt() {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    BenchmarkCase a = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1);
    Cancellation cancellation = new Cancellation();
    int[] turns = {0};
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE).withTurnGate(() -> {
          if (++turns[0] == 3) {
            cancellation.cancel();
          }
        }));
    List<Measurement> kept = new ArrayList<>();

    assertThatThrownBy(() -> engine.runGroup(List.of(a), 1, 3, 0, 4, kept::add))
        .isInstanceOf(Cancellation.CancelledException.class);
    assertThat(kept).singleElement().satisfies(m -> assertThat(m.runs()).hasSize(2));
  }

  @Test
  void theBackgroundLoadSpansTheMeasuredRoundsAndEveryResultOfAGroupGetsTheSameReading()
      throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    List<BenchmarkCase> group = List.of(
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1),
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("b", true, opened::add), 2, 2));
    List<Long> starts = new ArrayList<>();
    List<Long> reads = new ArrayList<>();
    BackgroundMeter meter = () -> {
      long start = clock.nanoTime();
      starts.add(start);
      return () -> {
        reads.add(clock.nanoTime());
        return Optional.of(new BackgroundLoad((clock.nanoTime() - start) / 1e6, 2, 0.5, 0.0, List.of()));
      };
    };
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock),
        new Cancellation(), Progress.NONE).withBackground(meter));

    long begin = clock.nanoTime();
    List<Measurement> measured = engine.runGroup(group, 1, 2, 0, 6);

    // After the two warm-up runs of 20 ms; read when "a" has finished its last run, three runs later.
    assertThat(starts).containsExactly(begin + 4 * TEN_MS);
    assertThat(reads).containsExactly(begin + 10 * TEN_MS);
    assertThat(measured).extracting(Measurement::backgroundLoad).allSatisfy(load -> {
      assertThat(load.spanMs()).isEqualTo(60.0);
      assertThat(load.otherCores()).isEqualTo(0.5);
    });
  }

  @Test
  void withoutABackgroundReadingAMeasurementHasNone() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    BenchmarkCase single = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1);
    assertThat(engine().runGroup(List.of(single), 0, 1, 0, 1).get(0).backgroundLoad()).isNull();
  }

  @Test
  void aMatrixGroupInterleavesEveryCombinationBindsEachWorkloadOnceAndReportsResultsAsTheyFinish()
      throws InterruptedException {
    List<String> bound = new ArrayList<>();
    Workload first = named("first", Fakes.workload(clock, TEN_MS, Set.of(), Set.of()), bound);
    Workload second = named("second", Fakes.workload(clock, 2 * TEN_MS, Set.of(), Set.of()), bound);
    List<BenchmarkCase> group = List.of(
        withParam(Fakes.benchmarkCase(first, Fakes.sequentialExecutor("a", false, opened::add), 2, 1), 1),
        withParam(Fakes.benchmarkCase(first, Fakes.sequentialExecutor("b", true, opened::add), 2, 2), 1),
        withParam(Fakes.benchmarkCase(first, Fakes.sequentialExecutor("c", true, opened::add), 2, 4), 2),
        withParam(Fakes.benchmarkCase(second, Fakes.sequentialExecutor("d", true, opened::add), 2, 2), 1));

    List<Measurement> measured = engine().runGroup(group, 1, 2, 0, 12,
        m -> opened.add("finished " + m.benchmarkCase().executor().name()));

    assertThat(bound).containsExactly("first {k=1}", "first {k=2}", "second {k=1}");
    assertThat(opened).containsExactly(
        "a", "b", "c", "d", // the warm-up round
        "a", "b", "c", "d", // measured round 1
        "a", "finished a", "b", "finished b", "c", "finished c", "d", "finished d");
    assertThat(measured).extracting(m -> m.benchmarkCase().executor().name()).containsExactly("a", "b", "c", "d");
    assertThat(measured.get(3).runs()).allSatisfy(run -> assertThat(run.wallNanos()).isEqualTo(4 * TEN_MS));
  }

  @Test
  void whenCancelledOnlyTheMeasurementsAlreadyFinishedWereHandedOut() {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    Cancellation cancellation = new Cancellation();
    List<BenchmarkCase> group = List.of(
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1),
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("b", true, name -> cancellation.cancel()), 2, 2));
    List<String> finished = new ArrayList<>();
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE));

    assertThatThrownBy(() -> engine.runGroup(group, 0, 1, 0, 2,
        m -> finished.add(m.benchmarkCase().executor().name())))
        .isInstanceOf(Cancellation.CancelledException.class);
    assertThat(finished).containsExactly("a");
  }

  /** {@code workload} under another name, recording each binding with its parameter values. */
  private static Workload named(String name, Workload workload, List<String> bound) {
    return new Workload() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return name;
      }

      @Override
      public List<io.concbench.api.ParamSpec> params() {
        return List.of(io.concbench.api.ParamSpec.integer("k", "", 0, 0, 100, "which binding"));
      }

      @Override
      public int defaultTasks() {
        return 2;
      }

      @Override
      public io.concbench.api.TaskKernel bind(io.concbench.api.ParamValues values) {
        bound.add(name + " " + values.asText());
        return workload.bind(values);
      }
    };
  }

  private static BenchmarkCase withParams(BenchmarkCase c, java.util.Map<String, String> values) {
    return new BenchmarkCase(c.workload(), io.concbench.api.ParamValues.resolve(c.workload(), values),
        c.tasks(), c.executor(),
        c.workers(), c.guard(), c.settings());
  }

  private static BenchmarkCase withParam(BenchmarkCase c, long k) {
    return withParams(c, java.util.Map.of("k", Long.toString(k)));
  }

  @Test
  void capacityIsProbedOncePerMeasuredRoundForParallelCasesWithKCappedAtTheProcessors()
      throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    List<String> order = new ArrayList<>();
    io.concbench.capacity.CapacityProbe probe = new io.concbench.capacity.CapacityProbe() {
      private double next = 1.5;

      @Override
      public double measure(int k) {
        order.add("probe k=" + k);
        return next += 0.1;
      }

      @Override
      public String method() {
        return "fake";
      }
    };
    List<BenchmarkCase> group = List.of(
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, order::add), 2, 1),
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("b", true, order::add), 2, 4));
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock),
        new Cancellation(), Progress.NONE).withCapacityProbes(otherProcesses -> probe, 2));

    List<Measurement> measured = engine.runGroup(group, 1, 2, 0, 6);

    assertThat(order).containsExactly("a", "b", "probe k=2", "a", "b", "probe k=2", "a", "b");
    assertThat(measured.get(0).capacity()).isEmpty();
    assertThat(measured.get(1).capacity()).containsExactly(1.6, 1.7000000000000002);
    assertThat(measured.get(1).capacityK()).isEqualTo(2);
    assertThat(measured.get(1).capacityMethod()).isEqualTo("fake");
  }

  @Test
  void workThatWaitsRatherThanComputesIsNotProbed() throws InterruptedException {
    Workload computing = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    Workload waiting = new io.concbench.workload.IoWorkload();
    assertThat(waiting.boundByCores()).isFalse();
    List<String> probed = new ArrayList<>();
    io.concbench.capacity.CapacityProbe probe = new io.concbench.capacity.CapacityProbe() {
      @Override
      public double measure(int k) {
        probed.add("k=" + k);
        return 2.0;
      }

      @Override
      public String method() {
        return "fake";
      }
    };
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock),
        new Cancellation(), Progress.NONE).withCapacityProbes(otherProcesses -> probe, 2));
    io.concbench.executor.Executor pool = Fakes.sequentialExecutor("pool", true, name -> { });
    BenchmarkCase waits = withParams(Fakes.benchmarkCase(waiting, pool, 2, 2), java.util.Map.of("sleep-ms", "0"));

    List<Measurement> waited = engine.runGroup(List.of(waits), 0, 2, 0, 2);
    List<Measurement> computed = engine.runGroup(List.of(Fakes.benchmarkCase(computing, pool, 2, 2)), 0, 2, 0, 2);

    assertThat(waited.get(0).capacity()).isEmpty();
    assertThat(waited.get(0).capacityK()).isZero();
    assertThat(computed.get(0).capacity()).containsExactly(2.0, 2.0);
    assertThat(probed).containsExactly("k=2", "k=2");
  }

  @Test
  void failingAndWrongTasksAreCountedAndTheRunGoesOn() throws InterruptedException {
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(1), Set.of(2, 3));
    BenchmarkCase c = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 5, 1);

    RunSample run = engine().runGroup(List.of(c), 0, 1, 0, 1).get(0).runs().get(0);

    assertThat(run.completedTasks()).isEqualTo(5);
    assertThat(run.failedTasks()).isEqualTo(1);
    assertThat(run.unverifiedTasks()).isEqualTo(2);
    assertThat(run.firstFailure()).isEqualTo("task 1 failed: java.lang.IllegalStateException: boom 1");
  }

  @Test
  void aGroupCancelledBeforeAnyCompleteRoundThrowsAndKeepsNothing() {
    Cancellation cancellation = new Cancellation();
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    io.concbench.executor.Executor cancelling = Fakes.sequentialExecutor("a", false, name -> {
      opened.add(name);
      if (opened.size() == 2) { // the warm-up, then the first measured run
        cancellation.cancel();
      }
    });
    BenchmarkCase c = Fakes.benchmarkCase(workload, cancelling, 3, 1);
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE));
    List<Measurement> finished = new ArrayList<>();

    assertThatThrownBy(() -> engine.runGroup(List.of(c), 1, 5, 0, 6, finished::add))
        .isInstanceOf(Cancellation.CancelledException.class);
    assertThat(opened).hasSize(2);
    assertThat(finished).isEmpty();
  }

  @Test
  void aGroupCancelledLateHandsOutEveryCaseWithTheRoundsAllOfThemCompleted() {
    Cancellation cancellation = new Cancellation();
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    List<BenchmarkCase> group = List.of(
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("a", false, opened::add), 2, 1),
        Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("b", true, name -> {
          opened.add(name);
          if (opened.size() == 6) { // round 3 of 5: a has run, b is cut short
            cancellation.cancel();
          }
        }), 2, 2));
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE));
    List<Measurement> finished = new ArrayList<>();

    assertThatThrownBy(() -> engine.runGroup(group, 0, 5, 0, 10, finished::add))
        .isInstanceOf(Cancellation.CancelledException.class);
    assertThat(finished).extracting(m -> m.benchmarkCase().executor().name()).containsExactly("a", "b");
    assertThat(finished).allSatisfy(m -> assertThat(m.runs()).hasSize(2));
  }

  @Test
  void aCancellationInterruptsARunsSetUpAndIsReportedAsOne() throws Exception {
    Cancellation cancellation = new Cancellation();
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    CountDownLatch settingUp = new CountDownLatch(1);
    // A set-up that waits until it is interrupted, and then fails as a cluster's does: not with an
    // InterruptedException but with its own error.
    Executor slow = Fakes.executor(ExecutorTraits.of("slow", "fake slow",
        ExecutorTraits.Concurrency.WORKERS), (settings, spec) -> {
          settingUp.countDown();
          try {
            Thread.sleep(60_000);
          } catch (InterruptedException e) {
            throw new UncheckedIOException(new IOException("interrupted while the members joined"));
          }
          throw new AssertionError("not interrupted");
        });
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE));
    Thread canceller = new Thread(() -> {
      try {
        settingUp.await();
        cancellation.cancel();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    canceller.start();

    assertThatThrownBy(() -> engine.runGroup(List.of(Fakes.benchmarkCase(workload, slow, 2, 2)), 0, 1, 0, 1,
        m -> {})).isInstanceOf(Cancellation.CancelledException.class);
    canceller.join();
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void aRunOpenedAsTheCancellationCameIsClosedAgain() {
    Cancellation cancellation = new Cancellation();
    Workload workload = Fakes.workload(clock, TEN_MS, Set.of(), Set.of());
    List<String> closed = new ArrayList<>();
    Executor opensThenIsCancelled = Fakes.executor(ExecutorTraits.of("late", "fake late",
        ExecutorTraits.Concurrency.WORKERS), (settings, spec) -> {
          cancellation.cancel(); // comes while the set-up finishes
          return new ExecutorRun() {
            @Override
            public void execute(TaskBatch batch) {
              throw new AssertionError("a cancelled run must not execute");
            }

            @Override
            public void close() {
              closed.add("late");
            }
          };
        });
    BenchmarkEngine engine = new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation,
        Progress.NONE));

    assertThatThrownBy(() -> engine.runGroup(List.of(Fakes.benchmarkCase(workload, opensThenIsCancelled, 2, 2)),
        0, 1, 0, 1, m -> {})).isInstanceOf(Cancellation.CancelledException.class);
    assertThat(closed).containsExactly("late");
  }

  private BenchmarkEngine engine() {
    return new BenchmarkEngine(EngineDependencies.of(clock, Fakes.cpuOf(clock), new Cancellation(),
        Progress.NONE));
  }
}
