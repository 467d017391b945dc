package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CpuTimesTest {

  @Test
  void sinceSubtractsEachPartAndKeepsUnknownPartsUnknown() {
    assertThat(new CpuTimes(50, 30, 20).since(new CpuTimes(10, 5, 5))).isEqualTo(new CpuTimes(40, 25, 15));
    assertThat(new CpuTimes(50, -1, -1).since(new CpuTimes(10, 5, 5))).isEqualTo(new CpuTimes(40, -1, -1));
    assertThat(new CpuTimes(50, 30, 20).since(CpuTimes.UNKNOWN)).isEqualTo(CpuTimes.UNKNOWN);
  }

  @Test
  void theSystemCpuClockReadsAMonotonicTotal() {
    CpuTimes first = CpuClock.system().read();
    CpuTimes second = CpuClock.system().read();
    assertThat(second.since(first).totalNanos()).isGreaterThanOrEqualTo(first.totalNanos() < 0 ? -1 : 0);
  }
}
