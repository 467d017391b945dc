package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.engine.Cancellation;
import io.concbench.result.Advice;
import io.concbench.result.Report;
import io.concbench.result.ReportReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** advise end to end on short work: its files, its re-rendering, its refusals and its interruption. */
class AdviseCommandTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--workers 2            | --workers is what advise chooses: leave it out",
      "--chunksize 4          | --chunksize is what advise chooses",
      "--baseline single      | --baseline is what advise chooses",
      "--max-time 0s          | invalid value for --max-time: '0s' (must be from 1ms to 24h)",
      "--max-time soon        | invalid value for --max-time: 'soon'",
      "--max-time 4s          | invalid value for --max-time: '4s' (advise needs at least 5s",
      "--param n=1,2          | invalid value for --param n: '1,2'",
      "--tasks 0              | invalid value for --tasks: '0'",
  })
  void badInputIsOneLineAndExitTwo(String extra, String expected) {
    CommandRunner.assertRefusedInOneLine(dir, List.of("advise", "--workload", "cpu"), extra, expected);
  }

  @Test
  void refusesAnUnknownWorkload() {
    CommandRunner.assertRefusedInOneLine(dir, List.of("advise", "--workload", "cpux"), "--quiet",
        "invalid value for --workload: 'cpux'");
  }

  @Test
  void takesOneWorkload() {
    CommandRunner.assertRefusedInOneLine(dir, List.of("advise", "--workload", "cpu,io"), "--quiet",
        "invalid value for --workload: 'cpu,io' (advise takes one workload)");
  }

  @Test
  @Timeout(120)
  void advisesAndTheSavedReportKeepsItsAdviceWhenReRendered() throws Exception {
    Path json = dir.resolve("advice.json");
    Path html = dir.resolve("advice.html");

    Outcome outcome = CommandRunner.run("advise", "--workload", "tiny", "--tasks", "2000", "--executor",
        "thread-pool", "--max-time", "20s", "--quiet", "--output", json.toString(), "--export", "html=" + html);

    assertThat(outcome.status()).as(outcome.err()).isEqualTo(ExitCodes.OK);
    assertThat(outcome.out()).contains("\nadvice: ", "run tiny on ", "calibration: a task takes", "under a GIL (CPython)",
        "tried:");
    Report saved = ReportReader.read(json);
    Advice advice = saved.advice();
    assertThat(advice).isNotNull();
    assertThat(advice.complete()).isTrue();
    assertThat(advice.picked()).isNotNull();
    assertThat(advice.candidates()).extracting(Advice.AdviceCandidate::executor).contains("single", "thread-pool");
    // --executor thread-pool: no process pool was calibrated or tried.
    assertThat(advice.calibration().dispatchMs()).isNull();
    assertThat(saved.results()).isNotEmpty();
    assertThat(Files.readString(html)).contains("<h2>Advice</h2>", "under a GIL (CPython)");

    Outcome table = CommandRunner.run("report", json.toString());
    Outcome markdown = CommandRunner.run("report", json.toString(), "--format", "markdown");

    assertThat(table.out()).contains("advice: " + advice.recommendation());
    assertThat(markdown.out()).contains("**advice:** ");
  }

  @Test
  @Timeout(60)
  void workThatCannotFitInMaxTimeIsNotStartedAndTheAdviceSaysWhatWouldFit() throws Exception {
    Path json = dir.resolve("advice.json");

    // Tasks of a second against 5 s: a run of the pool (1 s) is over the 20th of --max-time a run may take,
    // and the calibration alone (2 s of probe, 1 s of run) leaves no time for a round, whatever the load.
    Outcome outcome = CommandRunner.run("advise", "--workload", "io", "--tasks", "4", "--param", "sleep-ms=1000",
        "--executor", "thread-pool", "--max-time", "5s", "--quiet", "--output", json.toString());

    assertThat(outcome.status()).as(outcome.err()).isEqualTo(ExitCodes.OK);
    com.fasterxml.jackson.databind.JsonNode advice = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.toFile()).get("advice");
    assertThat(advice.get("stopped_for_time").asBoolean()).as(outcome.out()).isTrue();
    assertThat(advice.get("complete").asBoolean()).isTrue();
    assertThat(advice.get("picked").isNull()).isTrue();
    assertThat(advice.get("recommendation").asText()).startsWith("stopped for time").contains("no advice");
    assertThat(advice.get("candidates")).allSatisfy(c -> assertThat(c.get("rounds").asInt()).isZero());
  }

  @Test
  @Timeout(60)
  void interruptedBeforeAnyRoundItSaysSoKeepsTheFileAndExits130() throws Exception {
    Path json = dir.resolve("advice.json");
    Cancellation cancellation = new Cancellation();
    cancellation.cancel();

    Outcome outcome = CommandRunner.run(cancellation, "advise", "--workload", "tiny", "--tasks", "100", "--quiet",
        "--output", json.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(outcome.out()).contains("interrupted during the calibration: no advice");
    // No result to read back (ReportReader refuses a report without one, as after an early Ctrl-C of run), but
    // the file is valid JSON that says it is incomplete, advice included.
    com.fasterxml.jackson.databind.JsonNode saved = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(json.toFile());
    assertThat(saved.get("complete").asBoolean()).isFalse();
    assertThat(saved.get("advice").get("complete").asBoolean()).isFalse();
    assertThat(saved.get("advice").get("recommendation").asText()).contains("no advice");
  }
}
