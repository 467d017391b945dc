package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.Main;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code concbench ab} with real child JVMs, interrupted with SIGINT in its second round (started with
 * {@code env --default-signal=INT}: a JVM started from a non-interactive shell may have SIGINT ignored): the
 * first round is kept with {@code "complete": false}, exit 130, and no child JVM is left.
 */
class AbInterruptTest {

  @TempDir Path dir;

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void ctrlCKeepsTheFinishedRoundsAndLeavesNoChild() throws Exception {
    Path output = dir.resolve("ab.json");
    Process parent = new ProcessBuilder("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "ab", "--workload", "tiny", "--executor", "single", "--tasks", "1000", "--capacity", "off",
        "-a", "", "-b", "", "--rounds", "20", "--output", output.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (!Files.exists(output) && parent.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(output).as(Files.readString(dir.resolve("stderr.txt"))).exists();
      List<ProcessHandle> children = List.of();
      while (children.isEmpty() && parent.isAlive() && System.nanoTime() < deadline) {
        children = parent.descendants().filter(ProcessHandle::isAlive).toList();
        Thread.sleep(5);
      }
      assertThat(children).isNotEmpty();

      new ProcessBuilder("kill", "-INT", Long.toString(parent.pid())).start().waitFor(10, TimeUnit.SECONDS);

      assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(parent.exitValue()).as(Files.readString(dir.resolve("stderr.txt")))
          .isEqualTo(ExitCodes.INTERRUPTED);
      for (ProcessHandle child : children) {
        child.onExit().get(10, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
      }
      JsonNode report = new ObjectMapper().readTree(Files.readString(output));
      assertThat(report.get("complete").asBoolean()).isFalse();
      assertThat(report.get("ab").get("rounds").size()).isGreaterThanOrEqualTo(1).isLessThan(20);
      assertThat(report.get("ab").get("stop_reason").asText()).isEqualTo("interrupted");
    } finally {
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }

  /** A child whose ab is killed with SIGKILL (no code of ab's runs) ends itself: it watches CONCBENCH_PARENT_PID. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void noChildOutlivesAnAbKilledWithSigkill() throws Exception {
    Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "ab", "--workload", "cpu", "--executor", "single", "--capacity", "off", "--runs", "100", "-a", "",
        "-b", "", "--rounds", "20")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    List<ProcessHandle> children = List.of();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (children.isEmpty() && parent.isAlive() && System.nanoTime() < deadline) {
        children = parent.descendants().filter(ProcessHandle::isAlive).toList();
        Thread.sleep(5);
      }
      assertThat(children).isNotEmpty();
      // Let the child reach its run (a hundred runs: a minute or more, were it not ended).
      Thread.sleep(500);

      parent.destroyForcibly();

      assertThat(parent.waitFor(10, TimeUnit.SECONDS)).isTrue();
      for (ProcessHandle child : children) {
        child.onExit().get(20, TimeUnit.SECONDS);
        assertThat(child.isAlive()).isFalse();
      }
    } finally {
      children.forEach(ProcessHandle::destroyForcibly); // the orphans, should the watch have failed
      parent.descendants().forEach(ProcessHandle::destroyForcibly);
      parent.destroyForcibly();
    }
  }
}
