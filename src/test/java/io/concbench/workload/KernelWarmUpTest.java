package io.concbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The cpu kernel's warm-up leaves the task's loop compiled by C2 once, for good: the code every executor
 * and every worker JVM then times (docs/measurement.md). Watched from the JIT's own log in a JVM of its
 * own, with background compilation off so that each compilation is done before the code that asked for it
 * goes on, and the log's order is the program's.
 */
class KernelWarmUpTest {

  private static final String LOOP = "io.concbench.workload.CpuWorkload$SumOfSquares::sliced ";

  @Test
  @Timeout(60)
  void theTasksLoopIsCompiledByC2DuringTheWarmUpAndKeptThroughOtherContexts() throws Exception {
    List<String> log = runProbe();
    int warmed = log.indexOf(KernelWarmUpProbe.WARMED);
    assertThat(warmed).as("probe output:%n%s", String.join("\n", log)).isNotNegative();
    assertThat(log).contains(KernelWarmUpProbe.DONE);

    List<Integer> c2Compiles = new ArrayList<>();
    List<Integer> c2Discards = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      String line = log.get(i);
      if (line.contains(LOOP) && isFullC2(line)) {
        (line.contains("made not entrant") ? c2Discards : c2Compiles).add(i);
      }
    }
    assertThat(c2Compiles).as("C2 compilations of the loop").hasSize(1);
    assertThat(c2Compiles.get(0)).as("compiled before the warm-up ended").isLessThan(warmed);
    assertThat(c2Discards).as("the C2 loop thrown away").isEmpty();
  }

  /** A -XX:+PrintCompilation line of a C2 (tier 4) compilation that is not on-stack replacement. */
  private static boolean isFullC2(String line) {
    String[] columns = line.substring(0, line.indexOf(LOOP)).trim().split("\\s+");
    return columns[columns.length - 1].equals("4") && !List.of(columns).contains("%");
  }

  private static List<String> runProbe() throws IOException, InterruptedException {
    Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+PrintCompilation", "-XX:-BackgroundCompilation", "-Xlog:disable",
        "-cp", System.getProperty("java.class.path"), KernelWarmUpProbe.class.getName())
        .redirectErrorStream(true)
        .start();
    probe.getOutputStream().close();
    String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(probe.exitValue()).as(output).isZero();
    return List.of(output.split("\n"));
  }
}
