package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  @Test
  void procStatIsParsedAfterTheLastParenthesisOfTheCommandName() {
    // Fields 14 and 15 (utime, stime) in ticks of 10 ms; the command name holds a space and a ')'.
    String stat = "1234 (java (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 30 0 1 2 3";
    assertThat(ProcessCpu.parse(stat)).isEqualTo(new ProcessCpu(2_500_000_000L, 400_000_000L));
    assertThat(ProcessCpu.parse(stat).totalNanos()).isEqualTo(2_900_000_000L);
  }

  @Test
  void withReapedChildrenAddsCutimeAndCstime() {
    // Fields 16 and 17: CPU time of children the process waited for (a shell's finished jobs).
    String stat = "1234 (make) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 700 60 20 0 30 0 1 2 3";
    assertThat(ProcessCpu.withReapedChildrenNanos(stat)).isEqualTo(10_500_000_000L);
    assertThatThrownBy(() -> ProcessCpu.withReapedChildrenNanos("7 (a) R 1 7 7 0 -1 0 0 0 0 0 3 2 1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field 17");
  }

  @Test
  void theReapedChildrenAloneAreCutimeAndCstime() {
    String stat = "1234 (java) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 700 60 20 0 30 0 1 2 3";
    assertThat(ProcessCpu.reapedChildren(stat)).isEqualTo(new ProcessCpu(7_000_000_000L, 600_000_000L));
    assertThat(ProcessCpu.reapedChildrenOfSelf()).isPresent();
  }

  @Test
  void theSessionIsField6() {
    assertThat(ProcessCpu.session("1234 (a b) S 1 1230 1200 0 -1 4194560 100 0 0 0 250 40 700 60")).isEqualTo(1200);
  }

  @Test
  void aStatCutShortOrWithoutNumbersIsAnError() {
    assertThatThrownBy(() -> ProcessCpu.parse("1234 (java) S 1 1234 1234 0 -1 4194560 100 0 0 0 250"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no field 15");
    assertThatThrownBy(() -> ProcessCpu.parse("1234 (java) S 1 1234 1234 0 -1 4194560 100 0 0 0 x 40 0"))
        .isInstanceOf(NumberFormatException.class);
  }

  @Test
  void aTrailingNewlineAndRunsOfSpacesAreNoField() {
    String stat = "7 (a) R  1 7 7 0 -1 0 0 0 0 0 3 2\n";
    assertThat(ProcessCpu.parse(stat)).isEqualTo(new ProcessCpu(30_000_000L, 20_000_000L));
  }

  @Test
  void partsAddAndSubtractAndNeverGoBelowZero() {
    ProcessCpu a = new ProcessCpu(30, 20);
    assertThat(a.plus(new ProcessCpu(5, 1))).isEqualTo(new ProcessCpu(35, 21));
    assertThat(a.since(new ProcessCpu(10, 5))).isEqualTo(new ProcessCpu(20, 15));
    assertThat(a.since(new ProcessCpu(40, 5))).isEqualTo(new ProcessCpu(0, 15)); // a worker replaced
  }

  @Test
  void aProcessThatIsGoneHasNoFigure() {
    assertThat(ProcessCpu.of(Long.MAX_VALUE)).isEmpty();
    if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat"))) {
      assertThat(ProcessCpu.self()).isPresent();
    }
  }
}
