package io.concbench.engine;

import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorRun;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.ExecutorTraits;
import io.concbench.executor.TaskBatch;
import io.concbench.executor.TaskRunner;
import io.concbench.executor.WorkloadSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** Fake clock, workload and executors that make the engine's numbers exact. */
final class Fakes {

  private Fakes() {}

  /** Time moves only when a fake task says so. */
  static final class FakeClock implements Clock {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Override
    public long nanoTime() {
      return now.get();
    }
  }

  /** CPU time equal to the fake clock's time: one core, fully busy. */
  static CpuClock cpuOf(FakeClock clock) {
    return () -> new CpuTimes(clock.nanoTime(), -1, -1);
  }

  /**
   * A workload whose every task advances the clock by {@code taskNanos}; tasks listed in {@code throwing}
   * throw, those in {@code wrong} return a value that does not verify.
   */
  static Workload workload(FakeClock clock, long taskNanos, Set<Integer> throwing, Set<Integer> wrong) {
    return new Workload() {
      @Override
      public String name() {
        return "fake";
      }

      @Override
      public String description() {
        return "fake";
      }

      @Override
      public List<ParamSpec> params() {
        return List.of();
      }

      @Override
      public int defaultTasks() {
        return 4;
      }

      @Override
      public TaskKernel bind(ParamValues values) {
        return new TaskKernel() {
          @Override
          public long run(int index, TaskContext context) {
            clock.now.addAndGet(taskNanos);
            context.checkpoint();
            if (throwing.contains(index)) {
              throw new IllegalStateException("boom " + index);
            }
            return wrong.contains(index) ? -1 : index;
          }

          @Override
          public boolean verify(int index, long result) {
            return result == index;
          }
        };
      }
    };
  }

  /** An executor that runs tasks in order on the calling thread and tells {@code onRun} each time it opens. */
  static Executor sequentialExecutor(String name, boolean parallel, Consumer<String> onRun) {
    return executor(ExecutorTraits.of(name, "fake " + name,
        parallel ? ExecutorTraits.Concurrency.WORKERS : ExecutorTraits.Concurrency.ONE), (settings, workload) -> {
      onRun.accept(name);
      return new ExecutorRun() {
        @Override
        public void execute(TaskBatch batch) {
          TaskRunner runner = batch.newRunner();
          for (int i = 0; i < batch.size() && !batch.cancelled(); i++) {
            runner.run(i);
          }
        }

        @Override
        public void close() {}
      };
    });
  }

  /** An executor with the given traits whose runs {@code open} makes. */
  static Executor executor(ExecutorTraits traits, BiFunction<ExecutorSettings, WorkloadSpec, ExecutorRun> open) {
    return new Executor() {
      @Override
      public ExecutorTraits traits() {
        return traits;
      }

      @Override
      public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
        return open.apply(settings, workload);
      }
    };
  }

  static BenchmarkCase benchmarkCase(Workload workload, Executor executor, int tasks, int workers) {
    return new BenchmarkCase(workload, ParamValues.defaults(workload), tasks, executor, workers, null,
        new ExecutorSettings(workers, 5_000_000));
  }
}
