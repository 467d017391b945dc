package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.cli.CommandRunner.Outcome;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run --rate}: its bad input refused in one line, and a short real run's report. */
class RateOptionsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--rate 0 --tasks 10                        | invalid value for --rate: '0' (tasks per second: must be above 0",
      "--rate -5 --tasks 10                       | invalid value for --rate: '-5'",
      "--rate 2000000 --tasks 10                  | invalid value for --rate: '2000000'",
      "--rate abc --tasks 10                      | --rate",
      "--rate 10 --tasks 10 --duration 1s         | --duration and --tasks were both given with --rate",
      "--rate 10                                  | --rate needs --duration D",
      "--duration 1s                              | --duration applies to --rate, which was not given",
      "--arrival poisson                          | --arrival applies to --rate",
      "--max-queue 5                              | --max-queue applies to --rate",
      "--rate 10 --tasks 10 --arrival even        | invalid value for --arrival: 'even' (expected one of: constant, poisson)",
      "--rate 10 --tasks 10 --max-queue 0         | invalid value for --max-queue: '0'",
      "--rate 10 --tasks 10 --baseline single     | --baseline does not apply with --rate",
      "--rate 100000 --duration 2m                | invalid value for --duration: '120000ms' (at 100000 tasks per second it releases 12000000 tasks",
      "--rate 50000000 --tasks 10                 | invalid value for --rate: '50000000' (tasks per second: must be above 0 and at most 1000000)",
      "--rate 10,20 --tasks 10                    | invalid value for --rate: '10,20' (run takes one value; sweep a list with 'concbench matrix')",
  })
  void badInputIsOneLineAndExitTwo(String extra, String expected) {
    assertRefused(List.of("run", "--workload", "io", "--executor", "thread-pool", "--workers", "2"), extra,
        expected);
  }

  @Test
  void processExecutorsAreNotYetTaken() {
    assertRefused(List.of("run", "--workload", "io", "--executor", "process-pool", "--workers", "2"),
        "--rate 10 --tasks 10", "invalid value for --executor: 'process-pool' (not yet: --rate takes the "
            + "in-process executors");
    assertRefused(List.of("run", "--workload", "io", "--executor", "fork"), "--rate 10 --tasks 10",
        "invalid value for --executor: 'fork' (not yet");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--rate 50,0 --tasks 10                     | invalid value for --rate: '0' (tasks per second: must be above 0",
      "--rate 50,50 --tasks 10                    | invalid value for --rate: '50' (given twice)",
      "--rate 50,100 --tasks 10 --duration 1s     | --duration and --tasks were both given with --rate",
      "--rate 50,100 --tasks 10 --knee-factor 1   | invalid value for --knee-factor: '1.0' (a factor of the service time: above 1",
      "--knee-factor 3                            | --knee-factor applies to --rate, which was not given",
      "--duration 1s                              | --duration applies to --rate, which was not given",
      "--rate 50,100 --tasks 10 --baseline single | --baseline does not apply with --rate",
  })
  void matrixBadInputIsOneLineAndExitTwo(String extra, String expected) {
    assertRefused(List.of("matrix", "--workload", "io", "--executor", "thread-pool", "--workers", "2"), extra,
        expected);
  }

  @Test
  void aMatrixOfRatesReportsEachExecutorsKnee() throws Exception {
    Path output = dir.resolve("knee.json");
    Outcome outcome = CommandRunner.run("matrix", "--workload", "io", "--param", "sleep-ms=5", "--executor",
        "thread-pool", "--workers", "2", "--rate", "20,40", "--duration", "200ms", "--knee-factor", "1000",
        "--warmup", "0", "--runs", "1", "--capacity", "off", "--output", output.toString());

    assertThat(outcome.status()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("knee: the highest offered rate up to which p99 latency stayed within "
        + "1000x", "io on thread-pool, 2 workers: beyond 40");
    JsonNode results = new ObjectMapper().readTree(output.toFile()).get("results");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).get("tasks").asInt()).isEqualTo(4);
    assertThat(results.get(1).get("tasks").asInt()).isEqualTo(8);
    for (JsonNode result : results) {
      JsonNode knee = result.get("rate").get("knee");
      assertThat(knee.get("factor").asDouble()).isEqualTo(1000);
      assertThat(knee.get("knee_per_s").asDouble()).isEqualTo(40);
      assertThat(knee.get("beyond_highest").asBoolean()).isTrue();
      assertThat(knee.get("service_us").asDouble()).isPositive();
    }
    Outcome readBack = CommandRunner.run("report", output.toString());
    assertThat(readBack.status()).as(readBack.err()).isZero();
  }

  private void assertRefused(List<String> command, String extra, String expected) {
    CommandRunner.assertRefusedInOneLine(dir, command, extra, expected);
  }


  @Test
  void aRateRunReportsItsRateAndNoBaseline() throws Exception {
    Path output = dir.resolve("rate.json");
    Outcome outcome = CommandRunner.run("run", "--workload", "io", "--param", "sleep-ms=5", "--executor", "thread-pool",
        "--workers", "2", "--rate", "200", "--duration", "100ms", "--arrival", "poisson", "--max-queue", "50",
        "--warmup", "0", "--runs", "1", "--capacity", "off", "--output", output.toString());

    assertThat(outcome.status()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("offered/s", "achieved/s", "p99 latency", "p99 queue", "dropped");
    JsonNode result = new ObjectMapper().readTree(output.toFile()).get("results").get(0);
    assertThat(result.get("executor").asText()).isEqualTo("thread-pool");
    assertThat(result.get("tasks").asInt()).isEqualTo(20);
    assertThat(result.get("baseline").isNull()).isTrue();
    JsonNode rate = result.get("rate");
    assertThat(rate.get("arrival").asText()).isEqualTo("poisson");
    assertThat(rate.get("seed").asLong()).isEqualTo(RateOptions.SEED);
    assertThat(rate.get("max_queue").asInt()).isEqualTo(50);
    assertThat(rate.get("offered_per_s").asDouble()).isEqualTo(200);
    assertThat(rate.get("achieved_per_s").asDouble()).isPositive();
    assertThat(rate.get("latency_us").get("count").asLong() + rate.get("dropped_tasks").asLong()).isEqualTo(20);
    for (String field : List.of("latency_us", "queue_us", "service_us", "release_lateness_us")) {
      assertThat(rate.get(field).has("p999")).as(field).isTrue();
    }
    // What was written reads back: the schema knows the new fields.
    Outcome readBack = CommandRunner.run("report", output.toString());
    assertThat(readBack.status()).as(readBack.err()).isZero();
  }
}
