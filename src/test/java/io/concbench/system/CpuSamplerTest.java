package io.concbench.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background load from fixture /proc files sampled twice, on a fake clock: every figure exact. */
class CpuSamplerTest {

  private static final long SECOND = 1_000_000_000L;
  private static final long OURS = 100;
  private static final long OUR_WORKER = 101;

  @TempDir Path root;
  private final AtomicLong now = new AtomicLong(5 * SECOND);

  private CpuSampler sampler() {
    return new CpuSampler(root, OURS, () -> Set.of(OURS, OUR_WORKER), now::get, 2);
  }

  @Test
  void otherCoresAreTheMachinesBusyTimeLessOursAndTheBusiestOthersAreNamed() throws IOException {
    // user nice system idle iowait irq softirq steal guest guest_nice, in 10 ms ticks
    cpu(1000, 0, 100, 5000, 0, 0, 0, 0, 0, 0);
    process(OURS, "java", 50, 5, 0, 0);
    process(200, "bash", 10, 0, 0, 0);
    process(300, "make", 0, 0, 40, 0);
    process(400, "sshd", 1, 0, 0, 0);
    process(500, "gone", 7, 0, 0, 0);
    CpuSampler.Span span = sampler().start();

    // Over 2 s (400 ticks on 2 cores): ours 200 + its worker 100 (started in the span, all of it counts),
    // bash 180 (0.9 cores), make's reaped compilers 50, sshd 1, a job that came and went 20 (in the totals
    // only), the kernel's softirq 9.
    now.addAndGet(2 * SECOND);
    cpu(1000 + 520, 0, 100 + 30, 5000 + 10, 0, 0, 9, 0, 0, 0);
    process(OURS, "java", 240, 15, 0, 0);
    process(OUR_WORKER, "java", 90, 10, 0, 0);
    process(200, "bash", 190, 0, 0, 0);
    process(300, "make", 0, 0, 90, 0);
    process(400, "sshd", 2, 0, 0, 0);
    Files.delete(root.resolve("proc/500/stat"));

    BackgroundLoad load = span.read().orElseThrow();
    assertThat(load.spanMs()).isEqualTo(2000.0);
    assertThat(load.cpus()).isEqualTo(2);
    // busy 559 ticks - ours 300 = 259 ticks = 2.59 s over 2 s
    assertThat(load.otherCores()).isCloseTo(1.295, within(1e-9));
    assertThat(load.stealShare()).isEqualTo(0.0);
    assertThat(load.busiest()).extracting(BackgroundLoad.BusyProcess::name).containsExactly("bash", "make");
    assertThat(load.busiest().get(0).cores()).isCloseTo(0.9, within(1e-9));
    assertThat(load.busiest().get(0).pid()).isEqualTo(200);
    assertThat(load.busiest().get(1).cores()).isCloseTo(0.25, within(1e-9));
  }

  /** A shell that reaped a long job in the span: the job's CPU time was mostly spent before it. */
  @Test
  void noProcessIsNamedWithMoreThanAllTheOthersUsed() throws IOException {
    cpu(1000, 0, 100, 5000, 0, 0, 0, 0, 0, 0);
    process(OURS, "java", 50, 5, 0, 0);
    process(200, "bash", 10, 0, 0, 0);
    CpuSampler.Span span = sampler().start();

    // Over 1 s on 2 cores: the machine was busy 26 ticks beyond ours, bash reaped a job of 441 ticks.
    now.addAndGet(SECOND);
    cpu(1000 + 126, 0, 100, 5000 + 74, 0, 0, 0, 0, 0, 0);
    process(OURS, "java", 150, 5, 0, 0);
    process(200, "bash", 10, 0, 441, 0);

    BackgroundLoad load = span.read().orElseThrow();
    assertThat(load.otherCores()).isCloseTo(0.26, within(1e-9));
    assertThat(load.busiest().get(0).cores()).isCloseTo(0.26, within(1e-9));
  }

  @Test
  void aCompetitorInOurSessionIsMarkedAndOneInAnotherIsNot() throws IOException {
    process(OURS, 50, "java", 0, 0, 0, 0);
    process(200, 50, "bash", 0, 0, 0, 0);
    process(300, 300, "stress", 0, 0, 0, 0);
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    process(200, 50, "bash", 90, 0, 0, 0);
    process(300, 300, "stress", 80, 0, 0, 0);

    assertThat(span.read().orElseThrow().busiest()).extracting(BackgroundLoad.BusyProcess::name,
        BackgroundLoad.BusyProcess::sameSession).containsExactly(tuple("bash", true), tuple("stress", false));
  }

  @Test
  void onlyTheCpusThisProcessMayUseAreCounted() throws IOException {
    // A container pinned to cpu1 of a host of three: cpu0's and cpu2's work competes with nothing of ours.
    Files.createDirectories(root.resolve("proc/self"));
    Files.writeString(root.resolve("proc/self/status"), "Name:\tjava\nCpus_allowed:\t2\nCpus_allowed_list:\t1\n");
    long[] zero = new long[10];
    stat(zero, zero, zero, zero);
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    long[] busy = {100, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    long[] half = {40, 0, 0, 50, 0, 0, 0, 10, 0, 0};
    stat(new long[] {240, 0, 0, 50, 0, 0, 0, 10, 0, 0}, busy, half, busy);

    BackgroundLoad load = span.read().orElseThrow();
    assertThat(load.cpus()).isEqualTo(1);
    assertThat(load.otherCores()).isCloseTo(0.4, within(1e-9));
    assertThat(load.stealShare()).isCloseTo(0.1, within(1e-9));
  }

  @Test
  void cpuListsAreRangesAndSingleCpus() {
    assertThat(CpuSampler.parseCpuList("0-3,8,10-11")).containsExactlyInAnyOrder(0, 1, 2, 3, 8, 10, 11);
    assertThat(CpuSampler.parseCpuList("5")).containsExactly(5);
    assertThat(CpuSampler.parseCpuList("")).isEmpty();
  }

  @Test
  void aProcStatWithoutPerCpuLinesGivesTheTotalOfAnUnknownCount() throws IOException {
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("proc/stat"), "cpu  0 0 0 0 0 0 0 0 0 0\n");
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    Files.writeString(root.resolve("proc/stat"), "cpu  150 0 0 50 0 0 0 0 0 0\n");
    BackgroundLoad load = span.read().orElseThrow();
    assertThat(load.cpus()).isNull();
    assertThat(load.otherCores()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void stealIsAShareOfAllCpuTimeAndGuestTimeIsNotCountedTwice() throws IOException {
    cpu(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    // 150 ticks busy (50 of them a guest's, already in user), 30 idle, 20 stolen.
    cpu(150, 0, 0, 30, 0, 0, 0, 20, 50, 0);
    BackgroundLoad load = span.read().orElseThrow();
    assertThat(load.stealShare()).isCloseTo(0.1, within(1e-9));
    assertThat(load.otherCores()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void tickSamplingThatPutsUsAboveTheTotalsReadsNoBackgroundRatherThanANegativeOne() throws IOException {
    cpu(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    process(OURS, "java", 0, 0, 0, 0);
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    cpu(98, 0, 0, 102, 0, 0, 0, 0, 0, 0);
    process(OURS, "java", 100, 0, 0, 0);
    assertThat(span.read().orElseThrow().otherCores()).isEqualTo(0.0);
  }

  @Test
  void withoutProcStatTheTotalIsUnknownButProcessesAreStillNamed() throws IOException {
    process(200, "bash", 0, 0, 0, 0);
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    process(200, "bash", 100, 0, 0, 0);
    BackgroundLoad load = span.read().orElseThrow();
    assertThat(load.otherCores()).isNull();
    assertThat(load.stealShare()).isNull();
    assertThat(load.busiest()).extracting(BackgroundLoad.BusyProcess::cores).containsExactly(1.0);
  }

  @Test
  void withoutProcNothingIsReadAndNothingMadeUp() {
    CpuSampler.Span span = sampler().start();
    now.addAndGet(SECOND);
    assertThat(span.read()).isEmpty();
  }

  @Test
  void aSpanOfNoTimeHasNoFigures() throws IOException {
    cpu(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    assertThat(sampler().start().read()).isEmpty();
  }

  /** A /proc/stat whose two CPUs share {@code ticks} (cpu0 the odd tick of each field), and its total line. */
  private void cpu(long... ticks) throws IOException {
    long[] cpu0 = new long[ticks.length];
    long[] cpu1 = new long[ticks.length];
    for (int i = 0; i < ticks.length; i++) {
      cpu1[i] = ticks[i] / 2;
      cpu0[i] = ticks[i] - cpu1[i];
    }
    stat(ticks, cpu0, cpu1);
  }

  private void stat(long[] total, long[]... perCpu) throws IOException {
    StringBuilder text = new StringBuilder(line("cpu ", total));
    for (int i = 0; i < perCpu.length; i++) {
      text.append(line("cpu" + i, perCpu[i]));
    }
    Files.createDirectories(root.resolve("proc"));
    Files.writeString(root.resolve("proc/stat"), text + "intr 1 2 3\nctxt 9\n");
  }

  private static String line(String name, long[] ticks) {
    StringBuilder line = new StringBuilder(name);
    for (long t : ticks) {
      line.append(' ').append(t);
    }
    return line.append('\n').toString();
  }

  private void process(long pid, String name, long utime, long stime, long cutime, long cstime)
      throws IOException {
    process(pid, pid, name, utime, stime, cutime, cstime);
  }

  private void process(long pid, long session, String name, long utime, long stime, long cutime, long cstime)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve("proc/" + pid));
    Files.writeString(dir.resolve("stat"), String.format(Locale.ROOT,
        "%d (%s) R 1 %d %d 0 -1 0 0 0 0 0 %d %d %d %d 20 0 1 0 100 0 0%n", pid, name, pid, session, utime, stime,
        cutime, cstime));
    Files.writeString(dir.resolve("comm"), name + "\n");
  }
}
