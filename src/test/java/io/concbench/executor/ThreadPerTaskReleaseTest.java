package io.concbench.executor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** At a rate, thread-per-task starts each task's thread at its release, not all threads at once. */
class ThreadPerTaskReleaseTest {

  @Test
  void eachThreadIsMadeOnlyAfterItsTaskIsReleasedAndAFailedReleaseStartsNoMore() throws Exception {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    CountingBatch counting = new CountingBatch(5);
    TaskBatch batch = new TaskBatch() {
      @Override
      public int size() {
        return counting.size();
      }

      @Override
      public boolean cancelled() {
        return false;
      }

      @Override
      public boolean awaitRelease(int index) {
        events.add("release " + index);
        return index < 3; // the run is cancelled while task 3 waits for its release
      }

      @Override
      public TaskRunner newRunner(java.util.function.UnaryOperator<io.concbench.api.TaskContext> decorate) {
        return counting.newRunner(decorate);
      }

      @Override
      public RemoteTasks remote() {
        return counting.remote();
      }
    };
    int[] made = {0};
    ThreadPerTaskExecutor.ThreadPerTaskRun run = new ThreadPerTaskExecutor.ThreadPerTaskRun(runnable -> {
      events.add("thread " + made[0]++);
      return new Thread(runnable);
    });

    run.execute(batch);

    assertThat(events).containsExactly("release 0", "thread 0", "release 1", "thread 1", "release 2", "thread 2",
        "release 3");
    assertThat(counting.runs.toString()).isEqualTo("[1, 1, 1, 0, 0]");
  }
}
