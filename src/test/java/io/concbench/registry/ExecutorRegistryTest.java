package io.concbench.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorTraits;
import org.junit.jupiter.api.Test;

class ExecutorRegistryTest {

  @Test
  void theLessonsExecutorsAreListedInOrderUniquelyNamedAndDescribed() {
    assertThat(ExecutorRegistry.names()).containsExactly("single", "thread-per-task", "thread-pool", "virtual",
        "lock", "gil", "fork", "process-pool", "cluster");
    assertThat(ExecutorRegistry.all()).allSatisfy(e -> assertThat(e.traits().description()).isNotBlank());
    assertThat(ExecutorRegistry.find("thread-pool")).map(Executor::name).contains("thread-pool");
    assertThat(ExecutorRegistry.find("no-such")).isEmpty();
  }

  @Test
  void theTraitsSayWhichOptionsAndProbesApply() {
    assertThat(traitsOf("process-pool").takesChunksize()).isTrue();
    assertThat(traitsOf("fork").takesChunksize()).isFalse();
    assertThat(traitsOf("fork").inOtherProcesses()).isTrue();
    assertThat(traitsOf("cluster").inOtherProcesses()).isTrue();
    assertThat(traitsOf("cluster").takesChunksize()).isTrue();
    assertThat(traitsOf("cluster").takesRate()).as("its scheduler does not pace yet").isFalse();
    assertThat(traitsOf("process-pool").takesRate()).isTrue();
    assertThat(traitsOf("thread-pool").inOtherProcesses()).isFalse();
    assertThat(traitsOf("lock").usesGuard()).isTrue();
    assertThat(traitsOf("gil").usesGuard()).isFalse();
    assertThat(traitsOf("thread-pool").parallel()).isTrue();
    assertThat(traitsOf("single").threadsAtOnce(8, 100)).isEqualTo(1);
    assertThat(traitsOf("gil").threadsAtOnce(8, 100)).isEqualTo(8);
    assertThat(traitsOf("virtual").threadsAtOnce(8, 100)).isEqualTo(100);
    assertThat(traitsOf("thread-per-task").maxTasks()).isEqualTo(10_000);
    assertThat(traitsOf("virtual").maxTasks()).isEqualTo(1_000_000);
  }

  private static ExecutorTraits traitsOf(String name) {
    return ExecutorRegistry.find(name).orElseThrow().traits();
  }
}
