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
  void processExecutorsTakeARateOneTaskAtATimeButNotYetAQueueBound() {
    assertRefused(List.of("run", "--workload", "io", "--executor", "process-pool", "--workers", "2"),
        "--rate 10 --tasks 10 --chunksize 4", "invalid value for --chunksize: '4' (with --rate each task is "
            + "released and sent to a worker on its own");
    assertRefused(List.of("matrix", "--workload", "io", "--executor", "process-pool", "--workers", "2"),
        "--rate 10,20 --tasks 10 --chunksize 1,4", "invalid value for --chunksize: '4'");
    assertRefused(List.of("run", "--workload", "io", "--executor", "fork"), "--rate 10 --tasks 10 --max-queue 5",
        "invalid value for --executor: 'fork' (not yet: --max-queue takes the in-process executors");
    assertRefused(List.of("run", "--workload", "io", "--executor", "cluster"), "--rate 10 --tasks 10",
        "invalid value for --executor: 'cluster' (not yet: --rate takes the in-process executors, process-pool "
            + "and fork");
  }

  @Test
  void aProcessPoolAtARateTimesEachTaskFromItsReleaseThroughItsHandOver() throws Exception {
    Path output = dir.resolve("pool.json");
    Outcome outcome = CommandRunner.run("run", "--workload", "io", "--param", "sleep-ms=5", "--executor",
        "process-pool", "--workers", "1", "--rate", "50", "--tasks", "5", "--warmup", "0", "--runs", "1",
        "--capacity", "off", "--output", output.toString());

    assertThat(outcome.status()).as(outcome.err()).isZero();
    JsonNode rate = new ObjectMapper().readTree(output.toFile()).get("results").get(0).get("rate");
    assertThat(rate.get("latency_us").get("count").asLong()).isEqualTo(5);
    assertThat(rate.get("service_us").get("count").asLong()).isEqualTo(5);
    // The service runs from the hand-over to the result's arrival: at least the 5 ms wait in the worker.
    assertThat(rate.get("service_us").get("p50").asDouble()).isGreaterThanOrEqualTo(5000);
    assertThat(rate.get("latency_us").get("max").asDouble())
        .isGreaterThanOrEqualTo(rate.get("service_us").get("max").asDouble());
    assertThat(rate.get("release_lateness_us").get("count").asLong()).isEqualTo(5);
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
