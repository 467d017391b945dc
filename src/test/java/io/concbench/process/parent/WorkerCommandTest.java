package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class WorkerCommandTest {

  @Test
  void jdk17WorkersUseG1ForItsArchivedHeapAndJdk25WorkersUseSerial() {
    assertThat(WorkerCommand.startupOptions(17)).contains("-XX:+UseG1GC").doesNotContain("-XX:+UseSerialGC");
    assertThat(WorkerCommand.startupOptions(21)).contains("-XX:+UseG1GC");
    assertThat(WorkerCommand.startupOptions(25)).contains("-XX:+UseSerialGC").doesNotContain("-XX:+UseG1GC");
    assertThat(WorkerCommand.startupOptions(null)).contains("-XX:+UseSerialGC");
    assertThat(WorkerCommand.startupOptions(17)).contains("-Xms16m", "-Xmx1g", "-XX:-UsePerfData");
  }

  @Test
  void theUsersCollectorAndHeapReplaceOurs() {
    List<String> ours = WorkerCommand.startupOptions(17);

    assertThat(WorkerCommand.withoutOverridden(ours, List.of("-XX:+UseParallelGC")))
        .doesNotContain("-XX:+UseG1GC").contains("-Xms16m", "-Xmx1g");
    assertThat(WorkerCommand.withoutOverridden(ours, List.of("-Xmx8m")))
        .contains("-XX:+UseG1GC").doesNotContain("-Xms16m", "-Xmx1g");
    assertThat(WorkerCommand.withoutOverridden(ours, List.of("-XX:MaxHeapSize=64m")))
        .doesNotContain("-Xms16m", "-Xmx1g");
    assertThat(WorkerCommand.withoutOverridden(ours, List.of("-Xss512k", "-XX:+UseNUMA"))).isEqualTo(ours);
  }

  @Test
  void workersCompileCountedLoopsAsThisJvmDoes() throws Exception {
    com.sun.management.HotSpotDiagnosticMXBean hotSpot = java.lang.management.ManagementFactory
        .getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
    String safepoints = hotSpot.getVMOption("UseCountedLoopSafepoints").getValue();
    String iterations = hotSpot.getVMOption("LoopStripMiningIter").getValue();

    assertThat(LoopCompilation.ofThisJvm()).containsExactly(
        (safepoints.equals("true") ? "-XX:+" : "-XX:-") + "UseCountedLoopSafepoints",
        "-XX:LoopStripMiningIter=" + iterations);
    // Before the user's options, which win; not given to another JDK, which may not know them.
    List<String> command = WorkerCommand.of(null, List.of("-XX:LoopStripMiningIter=7"), null).command();
    assertThat(command.indexOf("-XX:LoopStripMiningIter=" + iterations))
        .isLessThan(command.indexOf("-XX:LoopStripMiningIter=7")).isPositive();
    assertThat(WorkerCommand.of("/opt/other-jdk/bin/java", List.of(), null).command())
        .noneMatch(o -> o.contains("LoopStripMiningIter") || o.contains("UseCountedLoopSafepoints"));
  }

  @Test
  void loopFlagsBecomeOptionsAndAnUnreadableOneIsLeftOut() {
    assertThat(LoopCompilation.from(flag -> Optional.of(flag.equals("UseCountedLoopSafepoints") ? "false" : "0")))
        .containsExactly("-XX:-UseCountedLoopSafepoints", "-XX:LoopStripMiningIter=0");
    assertThat(LoopCompilation.from(flag -> flag.equals("LoopStripMiningIter") ? Optional.of("1000")
        : Optional.empty())).containsExactly("-XX:LoopStripMiningIter=1000");
  }

  @Test
  void anArchiveIsMappedWhereItWasMadeAndNoArchiveAddsNothing() {
    assertThat(WorkerCommand.archiveOptions(Optional.of(Path.of("/cache/w.jsa"))))
        .containsExactly("-XX:SharedArchiveFile=/cache/w.jsa", "-Xshare:auto", "-XX:+UnlockDiagnosticVMOptions",
            "-XX:ArchiveRelocationMode=0");
    assertThat(WorkerCommand.archiveOptions(Optional.empty())).isEmpty();
  }

  @Test
  void theUsersOptionsComeLastSoTheyWin() {
    List<String> command = WorkerCommand.of(null, List.of("-Xmx64m"), null).command();

    assertThat(command.get(command.size() - 4)).isEqualTo("-Xmx64m");
    assertThat(command).doesNotContain("-Xmx1g").endsWith(WorkerCommand.MAIN);
  }

  /**
   * The command made with a cache is one this JDK accepts, and its archive really maps: {@code -Xshare:on}
   * makes the JVM refuse to start when it cannot use the archive, instead of quietly starting without it.
   */
  @Test
  void aWorkerStartsFromTheArchiveMadeOnFirstUse(@TempDir Path cache) throws Exception {
    WorkerCommand command = WorkerCommand.of(null, List.of("-Xshare:on"), cache);

    assertThat(command.command()).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile=" + cache));
    try (var listing = Files.list(cache)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .singleElement().satisfies(name -> assertThat(name).endsWith(".jsa")); // no temporary files left
    }
    WorkerProcess worker = WorkerProcess.start(command);
    try {
      worker.awaitHello();
      assertThat(worker.pid()).isPositive();
    } finally {
      worker.closeInput();
      assertThat(worker.awaitExit(20_000)).isZero();
    }
  }
}
