package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ThreadsCpuTest {

  @Test
  void theRunTimeIsTheFirstFieldOfSchedstat() {
    // run time on a CPU (ns), time spent waiting to run (ns), timeslices run
    assertThat(ThreadsCpu.runNanos("1234567 89012 34\n")).isEqualTo(1_234_567L);
    assertThat(ThreadsCpu.runNanos("42\n")).isEqualTo(42L);
  }

  @Test
  void onLinuxThisJvmsOtherThreadsHaveRunForSomeTime() {
    // Not compared with a later reading: a thread of another test that ends between the two takes its time
    // out of the sum.
    Assumptions.assumeTrue(new File("/proc/self/task").isDirectory(), "Linux's /proc");
    assertThat(ThreadsCpu.othersNanos()).isPresent();
    assertThat(ThreadsCpu.othersNanos().getAsLong()).isPositive();
  }

  @Test
  void aProcessThatIsNotThereHasNoCount() {
    assertThat(ThreadsCpu.ofProcess(Long.MAX_VALUE)).isEmpty();
  }

  @Test
  void onLinuxTheParentOfThisJvmHasACount() {
    Assumptions.assumeTrue(new File("/proc/self/task").isDirectory(), "Linux's /proc");
    long parent = ProcessHandle.current().parent().orElseThrow().pid();
    assertThat(ThreadsCpu.ofProcess(parent)).isPresent();
  }
}
