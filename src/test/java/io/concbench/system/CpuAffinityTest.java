package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class CpuAffinityTest {

  @Test
  void readsTasksetsListsOfCpusAndRanges() {
    assertThat(CpuAffinity.parseList(" 0-3,5\n")).containsExactly(0, 1, 2, 3, 5);
    assertThat(CpuAffinity.parseList("1")).containsExactly(1);
    assertThatThrownBy(() -> CpuAffinity.parseList("x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(CpuAffinity.list(List.of(0, 2))).isEqualTo("0,2");
  }

  @Test
  void choosesDistinctCpusInOrderFromTheSeed() {
    CpuAffinity affinity = CpuAffinity.of(List.of(0, 1, 2, 3));

    List<Integer> chosen = affinity.choose(3, new Random(7));

    assertThat(chosen).hasSize(3).doesNotHaveDuplicates().isSorted().isSubsetOf(0, 1, 2, 3);
    assertThat(affinity.choose(3, new Random(7))).isEqualTo(chosen);
    assertThat(affinity.choose(9, new Random(7))).containsExactly(0, 1, 2, 3);
  }

  @Test
  void holdsARunningProcessAndWhatItStartedToTheCpusGiven() throws Exception {
    CpuAffinity affinity = CpuAffinity.probe();
    Assumptions.assumeTrue(affinity.unavailable() == null, () -> "no taskset here: " + affinity.unavailable());
    int cpu = affinity.cpus().get(affinity.cpus().size() - 1);
    Process parent = new ProcessBuilder("sh", "-c", "sleep 30 & wait").start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (parent.descendants().findAny().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      ProcessHandle child = parent.descendants().findAny().orElseThrow();

      CpuAffinity.hold(parent.toHandle(), List.of(cpu));

      assertThat(allowedCpus(parent.pid())).isEqualTo(Integer.toString(cpu));
      assertThat(allowedCpus(child.pid())).isEqualTo(Integer.toString(cpu));
    } finally {
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
      parent.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aProcessThatHasEndedIsLeftAlone() throws Exception {
    Assumptions.assumeTrue(CpuAffinity.probe().unavailable() == null);
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor(10, TimeUnit.SECONDS);

    CpuAffinity.hold(ended.toHandle(), List.of(0)); // no exception
  }

  private static String allowedCpus(long pid) throws Exception {
    return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
        .filter(line -> line.startsWith("Cpus_allowed_list:"))
        .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElseThrow();
  }
}
