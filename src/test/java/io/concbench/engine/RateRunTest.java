package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.Fakes.FakeClock;
import io.concbench.executor.ExecutorSettings;
import io.concbench.result.RateSummary;
import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Rate runs on a fake clock: tasks released every 10 ms on a single thread, each taking 5 ms, one of them
 * stalling for a second. The figures are exact.
 */
class RateRunTest {

  private static final long MS = 1_000_000L;
  private static final int TASKS = 200;
  private static final int STALLING = 2;

  private final FakeClock clock = new FakeClock();
  private final List<String> opened = new ArrayList<>();

  /** Holds a task until it is due by moving the fake clock there, {@code lateNanos} late. */
  private Pacer pacer(long lateNanos) {
    return due -> clock.now.accumulateAndGet(due + lateNanos, Math::max);
  }

  private Measurement run(RateLoad rate, long lateNanos) throws InterruptedException {
    Workload workload = stalling();
    BenchmarkCase c = new BenchmarkCase(workload, ParamValues.defaults(workload), TASKS,
        Fakes.sequentialExecutor("single", false, opened::add), 1, null, new ExecutorSettings(1, 5_000_000),
        rate);
    EngineDependencies world = EngineDependencies.of(clock, Fakes.cpuOf(clock), new Cancellation(),
        Progress.NONE);
    return new BenchmarkEngine(world, pacer(lateNanos)).runGroup(List.of(c), 0, 1, 0, 1).get(0);
  }

  @Test
  void latencyRunsFromTheIntendedReleaseSoAStallDelaysEveryTaskBehindIt() throws InterruptedException {
    Measurement m = run(new RateLoad(100, Arrival.CONSTANT, 1, 0), 0);

    RateSample rate = m.runs().get(0).rate();
    assertThat(rate.latencyNanos().getTotalCount()).isEqualTo(TASKS);
    // Task 2 ends at 1.02 s; task k > 2, due at 10k ms, starts at 1020 + 5 (k - 3) ms: it queued
    // 1005 - 5k ms, from 990 ms for task 3 down to 10 ms for task 199.
    assertThat(count(rate.queueNanos(), 500 * MS)).isEqualTo(99); // tasks 3 to 101
    assertThat(equivalent(rate.queueNanos(), rate.queueNanos().getMaxValue(), 990 * MS)).isTrue();
    assertThat(equivalent(rate.latencyNanos(), rate.latencyNanos().getMaxValue(), 1000 * MS)).isTrue();
    // Measured closed-loop, from each task's start, one task in 200 is slow: p99 hides the stall.
    assertThat(equivalent(rate.serviceNanos(), rate.serviceNanos().getValueAtPercentile(99), 5 * MS)).isTrue();
    assertThat(equivalent(m.latencyNanos(), m.latencyNanos().getValueAtPercentile(99), 5 * MS)).isTrue();
    // From the intended release, half the tasks waited behind it.
    assertThat(rate.latencyNanos().getValueAtPercentile(50)).isGreaterThan(500 * MS);
    assertThat(rate.droppedTasks()).isZero();
  }

  @Test
  void tasksOnScheduleHaveNoQueueAndTheGeneratorsLatenessIsMeasured() throws InterruptedException {
    Measurement m = run(new RateLoad(100, Arrival.CONSTANT, 1, 0), 2 * MS);

    RateSample rate = m.runs().get(0).rate();
    // Tasks 1 and 2 waited for their release and woke 2 ms late; the rest were already late when taken.
    assertThat(rate.latenessNanos().getTotalCount()).isEqualTo(2);
    assertThat(equivalent(rate.latenessNanos(), rate.latenessNanos().getMaxValue(), 2 * MS)).isTrue();
  }

  @Test
  void theResultSaysWhatWasOfferedAndAchieved() throws InterruptedException {
    Measurement m = run(new RateLoad(100, Arrival.CONSTANT, 1, 0), 0);
    Result result = new ResultAssembler(1, 0, 1).assemble(m, null);

    RateSummary rate = result.rate();
    assertThat(rate.arrival()).isEqualTo("constant");
    assertThat(rate.seed()).isNull();
    assertThat(rate.maxQueue()).isNull();
    assertThat(rate.offeredPerS()).isEqualTo(100);
    // 200 tasks in 1.02 s + 5 ms × 197 = 2.005 s.
    assertThat(rate.achievedPerS()).isCloseTo(200 / 2.005, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(rate.latencyUs().count()).isEqualTo(TASKS);
    assertThat(rate.queueUs().p99()).isGreaterThan(900_000);
    assertThat(result.comparison().baseline()).isNull();
  }

  @Test
  void aBoundedQueueDropsTheOldestWaitingTasksAndCountsThem() throws InterruptedException {
    Measurement m = run(new RateLoad(100, Arrival.CONSTANT, 1, 10), 0);

    RateSample rate = m.runs().get(0).rate();
    // At 1.02 s tasks 0 to 102 are released and 3 to 102 wait: 100, of which the 90 oldest are dropped.
    assertThat(rate.droppedTasks()).isEqualTo(90);
    assertThat(m.runs().get(0).completedTasks()).isEqualTo(TASKS - 90);
    assertThat(rate.queueNanos().getMaxValue()).isLessThan(110 * MS);
    Result result = new ResultAssembler(1, 0, 1).assemble(m, null);
    assertThat(result.rate().droppedTasks()).isEqualTo(90);
    assertThat(result.rate().maxQueue()).isEqualTo(10);
  }

  @Test
  void cancellingWhileATaskWaitsForItsReleaseEndsTheRunAtOnce() {
    Cancellation cancellation = new Cancellation();
    Workload workload = stalling();
    BenchmarkCase c = new BenchmarkCase(workload, ParamValues.defaults(workload), TASKS,
        Fakes.sequentialExecutor("single", false, opened::add), 1, null, new ExecutorSettings(1, 5_000_000),
        new RateLoad(100, Arrival.CONSTANT, 1, 0));
    EngineDependencies world = EngineDependencies.of(clock, Fakes.cpuOf(clock), cancellation, Progress.NONE);
    // The user presses Ctrl-C while task 1 waits: the wait ends, no later task is waited for.
    Pacer cancelling = due -> {
      cancellation.cancel();
      cancellation.check();
    };

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> new BenchmarkEngine(world, cancelling).runGroup(List.of(c), 0, 1, 0, 1))
        .isInstanceOf(Cancellation.CancelledException.class);
    assertThat(clock.now.get()).isEqualTo(1_000_000_000L + 5 * MS); // task 0 only
  }

  @Test
  void anExecutorThatStartsEachTaskAtItsReleaseRecordsTheGeneratorsLatenessForEveryTask()
      throws InterruptedException {
    Workload workload = stalling();
    List<Long> dues = new ArrayList<>();
    io.concbench.executor.Executor releasing = Fakes.executor(io.concbench.executor.ExecutorTraits.of("per-task",
        "fake", io.concbench.executor.ExecutorTraits.Concurrency.PER_TASK), (settings, spec) ->
        new io.concbench.executor.ExecutorRun() {
          @Override
          public void execute(io.concbench.executor.TaskBatch batch) {
            for (int i = 0; i < batch.size() && batch.awaitRelease(i); i++) {
              dues.add(batch.dueNanos(i));
              batch.newRunner().run(i);
            }
          }

          @Override
          public void close() {}
        });
    BenchmarkCase c = new BenchmarkCase(workload, ParamValues.defaults(workload), TASKS, releasing, 1, null,
        new ExecutorSettings(1, 5_000_000), new RateLoad(100, Arrival.CONSTANT, 1, 0));
    EngineDependencies world = EngineDependencies.of(clock, Fakes.cpuOf(clock), new Cancellation(),
        Progress.NONE);

    RateSample rate = new BenchmarkEngine(world, pacer(2 * MS)).runGroup(List.of(c), 0, 1, 0, 1).get(0).runs()
        .get(0).rate();

    // Every release is the generator's: task 0 on time, 1 and 2 woken 2 ms late, then as late as the stall
    // held the one thread that releases and runs them (task 3, due at 30 ms, released at 1022 ms).
    assertThat(rate.latenessNanos().getTotalCount()).isEqualTo(TASKS);
    assertThat(rate.latenessNanos().getCountAtValue(2 * MS)).as("tasks 1 and 2, woken 2 ms late").isEqualTo(2);
    assertThat(equivalent(rate.latenessNanos(), rate.latenessNanos().getMaxValue(), 992 * MS)).isTrue();
    assertThat(rate.latencyNanos().getTotalCount()).isEqualTo(TASKS);
    assertThat(dues).hasSize(TASKS);
    assertThat(dues.get(199) - dues.get(0)).isEqualTo(1990 * MS);
  }

  @Test
  void aClosedRunHasNoRateFigures() throws InterruptedException {
    Workload workload = stalling();
    BenchmarkCase c = Fakes.benchmarkCase(workload, Fakes.sequentialExecutor("single", false, opened::add), 4, 1);
    EngineDependencies world = EngineDependencies.of(clock, Fakes.cpuOf(clock), new Cancellation(),
        Progress.NONE);
    Measurement m = new BenchmarkEngine(world).runGroup(List.of(c), 0, 1, 0, 1).get(0);

    assertThat(m.runs().get(0).rate()).isNull();
    assertThat(new ResultAssembler(1, 0, 1).assemble(m, null).rate()).isNull();
  }

  private static long count(Histogram h, long atLeast) {
    return h.getCountBetweenValues(atLeast, h.getMaxValue());
  }

  private static boolean equivalent(Histogram h, long value, long expected) {
    return h.valuesAreEquivalent(value, expected);
  }

  /** 5 ms a task on the fake clock; task {@value STALLING} stalls for a second. */
  private Workload stalling() {
    return new Workload() {
      @Override
      public String name() {
        return "stall";
      }

      @Override
      public String description() {
        return "stall";
      }

      @Override
      public List<ParamSpec> params() {
        return List.of();
      }

      @Override
      public int defaultTasks() {
        return TASKS;
      }

      @Override
      public TaskKernel bind(ParamValues values) {
        return new TaskKernel() {
          @Override
          public long run(int index, TaskContext context) {
            clock.now.addAndGet(index == STALLING ? 1000 * MS : 5 * MS);
            return index;
          }

          @Override
          public boolean verify(int index, long result) {
            return result == index;
          }
        };
      }
    };
  }
}
