package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.report.JsonReport;
import io.concbench.result.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class RunCommandTest {

  @TempDir Path dir;

  @Test
  void aSmallRunPrintsATableAndExitsZero() {
    Outcome outcome = CommandRunner.run("run", "--workload", "tiny", "--executor", "single,thread-pool",
        "--workers", "2", "--tasks", "1000", "--runs", "2", "--warmup", "0");

    assertThat(outcome.status()).isZero();
    assertThat(outcome.out().lines().toList()).hasSize(3);
    assertThat(outcome.out()).contains("tiny", "single", "thread-pool", "speedup", "1.00x");
  }

  @Test
  void aSavedReportWithTooFewRunsToCompareIsWarnedAboutAtTheStart() {
    Path file = dir.resolve("few.json");

    Outcome few = CommandRunner.run("run", "--workload", "tiny", "--executor", "single", "--runs", "2",
        "--warmup", "0", "--output", file.toString());
    Outcome enough = CommandRunner.run("run", "--workload", "tiny", "--executor", "single", "--runs", "5",
        "--warmup", "0", "--output", dir.resolve("enough.json").toString());

    assertThat(few.status()).isZero();
    assertThat(few.err()).startsWith("warning: --runs 2 is fewer than the 5 runs 'concbench compare' needs to "
        + "judge a result (its --min-samples): " + file + " will not serve as a regression baseline");
    assertThat(enough.err()).doesNotContain("--min-samples");
  }

  @Test
  void jsonGoesToStdoutAndToTheOutputFileAndValidates() throws Exception {
    Path file = dir.resolve("report.json");

    Outcome outcome = CommandRunner.run("run", "--workload", "io,counter", "--executor", "lock", "--workers", "2",
        "--tasks", "4", "--param", "sleep-ms=0", "--param", "increments=1000", "--guard", "none,atomic",
        "--runs", "2", "--warmup", "0", "--format", "json", "--output", file.toString());

    assertThat(outcome.status()).isZero();
    SchemaValidation.assertValid(outcome.out());
    String saved = Files.readString(file);
    SchemaValidation.assertValid(saved);
    JsonNode root = JsonReport.mapper().readTree(saved);
    assertThat(root.get("complete").asBoolean()).isTrue();
    assertThat(root.get("command_line").get(0).asText()).isEqualTo("concbench");
    // io: single + lock x 2 guards; counter: (single + lock) x 2 guards
    assertThat(root.get("results")).hasSize(3 + 4);
    for (JsonNode result : root.get("results")) {
      if (result.get("guard").asText().equals("atomic")) {
        assertThat(result.get("counter").get("lost").asLong()).isZero();
      }
    }
  }

  @Test
  void everyGuardOtherThanNoneIsExactOnTheLockExecutor() throws Exception {
    Outcome outcome = CommandRunner.run("run", "--workload", "counter", "--executor", "lock", "--workers", "2",
        "--param", "increments=20000", "--guard", "none,synchronized,reentrant,atomic,adder", "--runs", "2",
        "--warmup", "0", "--baseline", "none", "--format", "json");

    assertThat(outcome.status()).isZero();
    JsonNode results = JsonReport.mapper().readTree(outcome.out()).get("results");
    assertThat(results).hasSize(5);
    for (JsonNode r : results) {
      assertThat(r.get("counter").get("expected").asLong()).isEqualTo(2 * 20 * 20_000L);
      if (!r.get("guard").asText().equals("none")) {
        assertThat(r.get("counter").get("lost").asLong()).as(r.get("guard").asText()).isZero();
      }
    }
  }

  @Test
  void anInterruptedRunKeepsFinishedResultsMarksThemIncompleteAndExits130() throws Exception {
    Path file = dir.resolve("partial.json");
    io.concbench.engine.Cancellation cancellation = new io.concbench.engine.Cancellation();
    // The second group (io) cannot finish by itself: its tasks sleep ten minutes, until cancelled. Cancel
    // once the first group's result is on disk (or after a deadline, so a broken run fails, not hangs).
    Thread canceller = CommandRunner.cancelOnceWritten(file, cancellation, () -> {});

    Outcome outcome = CommandRunner.run(cancellation, "run", "--workload", "tiny,io", "--executor", "thread-pool",
        "--workers", "2", "--tasks", "4", "--param", "sleep-ms=600000", "--runs", "1", "--warmup", "0",
        "--baseline", "none", "--output", file.toString());
    canceller.join();

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(outcome.err()).contains("interrupted; kept 1 finished result(s)");
    JsonNode root = JsonReport.mapper().readTree(Files.readString(file));
    assertThat(root.get("complete").asBoolean()).isFalse();
    assertThat(root.get("results")).hasSize(1);
    assertThat(root.get("results").get(0).get("workload").asText()).isEqualTo("tiny");
    SchemaValidation.assertValid(Files.readString(file));
  }
}
