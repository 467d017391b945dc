package io.concbench.workload.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

  @Test
  void readsTheHighWaterMarkInBytes() {
    assertThat(ProcessMemory.peakBytes("Name:\tpython3\nVmPeak:\t  30000 kB\nVmHWM:\t    12345 kB\n"
        + "VmRSS:\t 12000 kB\n")).isEqualTo(12345L * 1024);
  }

  @Test
  void aZombieHasNoFigure() {
    assertThat(ProcessMemory.peakBytes("Name:\tsh\nState:\tZ (zombie)\n")).isEqualTo(-1);
  }

  @Test
  void thisProcessHasAPeakAndAGoneOneHasNone() {
    assertThat(ProcessMemory.largestPeakInTree(ProcessHandle.current().pid())).isPositive();
    assertThat(ProcessMemory.peakBytes(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
