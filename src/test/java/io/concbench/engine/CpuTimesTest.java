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
  void procStatIsParsedAfterTheLastParenthesisOfTheCommandName() {
    // Fields 14 and 15 (utime, stime) in ticks of 10 ms; the command name holds a space and a ')'.
    String stat = "1234 (java (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 30 0 1 2 3";
    assertThat(CpuClock.ProcStat.parse(stat, 999)).isEqualTo(new CpuTimes(999, 2_500_000_000L, 400_000_000L));
  }

  @Test
  void theSystemCpuClockReadsAMonotonicTotal() {
    CpuTimes first = CpuClock.system().read();
    CpuTimes second = CpuClock.system().read();
    assertThat(second.since(first).totalNanos()).isGreaterThanOrEqualTo(first.totalNanos() < 0 ? -1 : 0);
  }
}
