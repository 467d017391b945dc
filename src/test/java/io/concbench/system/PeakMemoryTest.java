package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PeakMemoryTest {

  @Test
  void theHighWaterMarkIsReadInBytesFromAProcStatusText() {
    String status = "Name:\tjava\nVmPeak:\t 4000000 kB\nVmHWM:\t   218204 kB\nVmRSS:\t   13640 kB\n";

    assertThat(PeakMemory.parseVmHwm(status)).isEqualTo(218204L * 1024);
  }

  @Test
  void aStatusWithoutOneIsUnknown() {
    assertThat(PeakMemory.parseVmHwm("Name:\tzombie\nState:\tZ (zombie)\n")).isEqualTo(-1);
  }

  @Test
  void aProcessThatDoesNotExistIsUnknown() {
    assertThat(PeakMemory.peakBytesOf(Long.MAX_VALUE)).isEqualTo(-1);
  }
}
