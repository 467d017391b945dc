package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.Main;
import io.concbench.report.JsonReport;
import io.concbench.result.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during advise keeps what was measured: a real {@code advise} in a child JVM, stopped with SIGINT
 * once its first round is on disk (it saves after every round; a search cannot settle before its third).
 * Its rounds wait (io) for about two seconds, so the signal lands inside the second. The child is started
 * through {@code env --default-signal=INT}, so that SIGINT reaches it even where this JVM was started with
 * SIGINT ignored (a CI background job); every wait has a deadline.
 */
class AdviseInterruptTest {

  @TempDir Path dir;

  @Test
  @Timeout(150)
  void sigintDuringTheSearchKeepsTheRoundsMeasuredAndExits130() throws Exception {
    Path file = dir.resolve("advice.json");
    Process advise = new ProcessBuilder("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "advise", "--workload", "io", "--tasks", "8",
        "--param", "sleep-ms=200", "--executor", "thread-pool", "--max-time", "2m", "--output", file.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> ChildJvmOutput.readAll(advise.getErrorStream()));
    try {
      ChildJvmOutput.awaitFile(file, advise, 90);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(advise.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(advise.waitFor(60, TimeUnit.SECONDS)).as("advise exited").isTrue();
      assertThat(advise.exitValue()).as(stderr.getNow("")).isEqualTo(ExitCodes.INTERRUPTED);
      assertThat(stderr.get(20, TimeUnit.SECONDS)).contains("interrupted");
      String saved = Files.readString(file);
      JsonNode root = JsonReport.mapper().readTree(saved);
      assertThat(root.get("complete").asBoolean()).isFalse();
      assertThat(root.get("results").size()).isGreaterThanOrEqualTo(2); // single and a pool, a round or more
      JsonNode advice = root.get("advice");
      assertThat(advice.get("complete").asBoolean()).isFalse();
      assertThat(advice.get("recommendation").asText()).startsWith("interrupted, from what was measured: run io");
      assertThat(advice.get("picked").get("rounds").asInt()).isGreaterThanOrEqualTo(1);
      SchemaValidation.assertValid(saved);
    } finally {
      advise.destroyForcibly(); // a failing run of this test leaves no JVM behind
    }
  }
}
