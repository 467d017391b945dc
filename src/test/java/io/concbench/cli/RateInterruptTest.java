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
 * Ctrl-C during a rate run keeps what was measured: a real {@code run --rate} in a child JVM whose second
 * workload cannot finish (its tasks wait ten minutes), stopped with SIGINT once the first result is on disk.
 * The child is started through {@code env --default-signal=INT}, so that SIGINT reaches it even where this
 * JVM was started with SIGINT ignored (a CI background job); every wait has a deadline.
 */
class RateInterruptTest {

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void sigintDuringARateRunKeepsTheFinishedResultAndExits130() throws Exception {
    Path file = dir.resolve("rate.json");
    Process run = new ProcessBuilder("env", "--default-signal=INT",
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "run", "--workload", "tiny,io",
        "--executor", "thread-pool", "--workers", "2", "--rate", "20", "--tasks", "4", "--param",
        "sleep-ms=600000", "--runs", "1", "--warmup", "0", "--capacity", "off", "--quiet", "--output",
        file.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> ChildJvmOutput.readAll(run.getErrorStream()));
    try {
      ChildJvmOutput.awaitFile(file, run, 60);
      Process kill = new ProcessBuilder("kill", "-INT", Long.toString(run.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

      assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("the run exited").isTrue();
      assertThat(run.exitValue()).isEqualTo(ExitCodes.INTERRUPTED);
      assertThat(stderr.get(20, TimeUnit.SECONDS)).contains("interrupted; kept 1 finished result(s)");
      JsonNode root = JsonReport.mapper().readTree(Files.readString(file));
      assertThat(root.get("complete").asBoolean()).isFalse();
      assertThat(root.get("results")).hasSize(1);
      JsonNode tiny = root.get("results").get(0);
      assertThat(tiny.get("workload").asText()).isEqualTo("tiny");
      assertThat(tiny.get("rate").get("offered_per_s").asDouble()).isEqualTo(20);
      assertThat(tiny.get("rate").get("latency_us").get("count").asLong()).isEqualTo(4);
      SchemaValidation.assertValid(Files.readString(file));
    } finally {
      run.destroyForcibly(); // a failing run of this test leaves no ten-minute JVM behind
    }
  }
}
