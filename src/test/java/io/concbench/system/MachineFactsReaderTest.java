package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc and /sys readers on fixture trees: what a cgroup v2 box, a v1 box and a bare one look like. */
class MachineFactsReaderTest {

  @TempDir Path root;

  @Test
  void readsACgroupV2QuotaAndTheOtherFacts() throws IOException {
    write("sys/devices/system/cpu/online", "0-3\n");
    write("sys/fs/cgroup/cpuset.cpus.effective", "0-1\n");
    write("sys/fs/cgroup/cpu.max", "150000 100000\n");
    write("proc/loadavg", "0.45 0.41 0.39 1/234 5678\n");
    write("sys/devices/system/cpu/smt/active", "1\n");
    write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
    write("sys/devices/system/cpu/intel_pstate/no_turbo", "1\n");

    MachineFacts facts = new MachineFactsReader(root).read();

    assertThat(facts.onlineCpus()).isEqualTo("0-3");
    assertThat(facts.cpusetCpus()).isEqualTo("0-1");
    assertThat(facts.cpuQuotaCores()).isCloseTo(1.5, within(1e-12));
    assertThat(facts.loadAverage()).containsExactly(0.45, 0.41, 0.39);
    assertThat(facts.smtActive()).isTrue();
    assertThat(facts.cpuGovernor()).isEqualTo("performance");
    assertThat(facts.turbo()).isEqualTo("off");
    assertThat(facts.unreadable()).isEmpty();
  }

  @Test
  void anUnlimitedV2QuotaIsNull() throws IOException {
    write("sys/fs/cgroup/cpu.max", "max 100000\n");

    MachineFacts facts = new MachineFactsReader(root).read();

    assertThat(facts.cpuQuotaCores()).isNull();
    assertThat(facts.unreadable()).noneMatch(u -> u.startsWith("CPU quota"));
  }

  @Test
  void readsACgroupV1QuotaAndTreatsMinusOneAsUnlimited() throws IOException {
    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "50000\n");
    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
    write("sys/fs/cgroup/cpuset/cpuset.effective_cpus", "0\n");
    write("sys/devices/system/cpu/cpufreq/boost", "1\n");

    MachineFacts facts = new MachineFactsReader(root).read();

    assertThat(facts.cpuQuotaCores()).isCloseTo(0.5, within(1e-12));
    assertThat(facts.cpusetCpus()).isEqualTo("0");
    assertThat(facts.turbo()).isEqualTo("on");

    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
    assertThat(new MachineFactsReader(root).read().cpuQuotaCores()).isNull();
  }

  @Test
  void aQuotaOnAParentSliceOfThisProcessesCgroupCountsAndTheTightestWins() throws IOException {
    write("proc/self/cgroup", "0::/user.slice/session-1.scope\n");
    write("sys/fs/cgroup/cpu.max", "max 100000\n");
    write("sys/fs/cgroup/user.slice/cpu.max", "50000 100000\n");
    write("sys/fs/cgroup/user.slice/session-1.scope/cpu.max", "150000 100000\n");

    assertThat(new MachineFactsReader(root).read().cpuQuotaCores()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void aV1QuotaInTheCpuControllersOwnPathIsFound() throws IOException {
    write("proc/self/cgroup", "12:memory:/docker/abc\n4:cpu,cpuacct:/docker/abc\n");
    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_quota_us", "-1\n");
    write("sys/fs/cgroup/cpu,cpuacct/cpu.cfs_period_us", "100000\n");
    write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_quota_us", "200000\n");
    write("sys/fs/cgroup/cpu,cpuacct/docker/abc/cpu.cfs_period_us", "100000\n");

    assertThat(new MachineFactsReader(root).read().cpuQuotaCores()).isCloseTo(2.0, within(1e-12));
  }

  @Test
  void missingFilesAreReportedNotGuessed() {
    MachineFacts facts = new MachineFactsReader(root).read();

    assertThat(facts.onlineCpus()).isNull();
    assertThat(facts.loadAverage()).isNull();
    assertThat(facts.smtActive()).isNull();
    assertThat(facts.unreadable()).anyMatch(u -> u.startsWith("load average: /proc/loadavg does not exist"))
        .anyMatch(u -> u.startsWith("CPU quota: no cgroup v2 cpu.max nor v1"))
        .anyMatch(u -> u.startsWith("turbo:"))
        .anyMatch(u -> u.startsWith("SMT:"));
  }

  @Test
  void stealIsItsShareOfAllCpuTimeInTheInterval() {
    long[] before = CpuSampler.parseCpuLine("cpu  100 0 50 800 10 0 0 40 0 0");
    long[] after = CpuSampler.parseCpuLine("cpu  150 0 70 900 10 0 0 60 0 0");

    // 20 of 190 ticks were stolen.
    assertThat(CpuSampler.stealShare(before, after)).isCloseTo(20.0 / 190, within(1e-12));
  }

  private void write(String path, String content) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
