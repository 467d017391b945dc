package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.report.JsonReport;
import io.concbench.result.SchemaValidation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --command}: a command's failures end to end, and what is refused before anything runs. */
class CommandWorkloadRunTest {

  @Test
  @Timeout(60)
  void aCommandFailingInOneTaskFailsThatTaskAloneAndTheRunExitsOne() throws Exception {
    Outcome outcome = CommandRunner.run("run", "--command", "test {i} != 5", "--executor", "thread-pool",
        "--workers", "2", "--tasks", "8", "--runs", "1", "--warmup", "0", "--baseline", "none",
        "--capacity", "off", "--format", "json");

    assertThat(outcome.status()).isEqualTo(ExitCodes.FAILED);
    SchemaValidation.assertValid(outcome.out());
    JsonNode result = JsonReport.mapper().readTree(outcome.out()).get("results").get(0);
    assertThat(result.get("workload").asText()).isEqualTo("command");
    assertThat(result.get("params").get("command").asText()).isEqualTo("test {i} != 5");
    assertThat(result.get("params").get("shell").asText()).isEqualTo("sh");
    assertThat(result.get("failed_tasks").asLong()).isEqualTo(1);
    assertThat(result.get("latency_us").get("count").asLong()).isEqualTo(8);
    JsonNode failure = result.get("failures").get(0);
    assertThat(failure.get("task").asInt()).isEqualTo(5);
    assertThat(failure.get("exit_code").asInt()).isEqualTo(1);
    assertThat(failure.get("reason").asText()).isEqualTo("exit status 1");
    assertThat(outcome.err()).contains("task 5 failed: exit status 1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--executor fork|invalid value for --executor: 'fork' (a command is already a process: fork would put a JVM "
          + "between concbench and it; use single, thread-per-task, thread-pool, virtual or gil)",
      "--executor process-pool|invalid value for --executor: 'process-pool' (a command is already a process",
      "--executor lock|invalid value for --executor: 'lock' (it guards the counter workload's shared counter",
      "--executor single --shell /no/shell|invalid value for --shell: '/no/shell' (not an executable file",
      "--executor single --workload cpu|--command and --workload cpu were both given",
      "--executor single --param command=x|--command and --param command were both given",
  })
  void whatCannotRunACommandIsRefusedBeforeAnythingRuns(String options, String message) {
    String[] args = ("run --command true " + options).split(" ");
    Outcome outcome = CommandRunner.run(args);

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).startsWith("concbench run: " + message).hasLineCount(1);
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void theCommandsOwnOptionsWithoutACommandAreRefused() {
    Outcome outcome = CommandRunner.run("run", "--workload", "cpu", "--executor", "single", "--show-output");
    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).isEqualTo("concbench run: --show-output applies to --command, which was not given\n");
  }

  @Test
  void unbalancedQuotesWithoutAShellAreRefused() {
    Outcome outcome = CommandRunner.run("run", "--command", "echo 'x", "--shell", "none", "--executor", "single");
    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).startsWith("concbench run: invalid value for --command: 'echo 'x' (a single quote "
        + "is not closed");
  }

  @Test
  void theCommandWorkloadWithoutACommandSaysHowToGiveOne() {
    Outcome outcome = CommandRunner.run("run", "--workload", "command", "--executor", "single");
    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).contains("(empty: give the command that each task runs, --command CMD)");
  }
}
