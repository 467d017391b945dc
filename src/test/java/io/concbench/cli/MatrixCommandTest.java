package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.report.JsonReport;
import io.concbench.result.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(60)
class MatrixCommandTest {

  @TempDir Path dir;

  @Test
  void everyCombinationIsMeasuredInOneValidReportWithItsScalingCurves() throws Exception {
    Path file = dir.resolve("matrix.json");
    Path csv = dir.resolve("matrix.csv");

    Outcome outcome = CommandRunner.run("matrix", "--workload", "cpu", "--executor", "thread-pool,single,gil",
        "--workers", "1,2", "--param", "n=2000,1000", "--tasks", "20", "--runs", "2", "--warmup", "0",
        "--capacity", "off", "--format", "json", "--output", file.toString(), "--export", "csv=" + csv);

    assertThat(outcome.status()).as(outcome.err()).isZero();
    SchemaValidation.assertValid(outcome.out());
    String saved = Files.readString(file);
    SchemaValidation.assertValid(saved);
    assertThat(Files.readString(csv)).contains("thread-pool");
    JsonNode root = JsonReport.mapper().readTree(saved);
    assertThat(root.get("complete").asBoolean()).isTrue();
    assertThat(root.get("command_line").get(1).asText()).isEqualTo("matrix");
    // Per value of n: single once (the baseline, first), thread-pool and gil at 1 and 2 workers.
    List<String> results = new ArrayList<>();
    root.get("results").forEach(r -> results.add(r.get("params").get("n").asLong() + " " + r.get("executor").asText()
        + " " + r.get("workers").asInt()));
    assertThat(results).containsExactly("2000 single 1", "2000 thread-pool 1", "2000 thread-pool 2", "2000 gil 1",
        "2000 gil 2", "1000 single 1", "1000 thread-pool 1", "1000 thread-pool 2", "1000 gil 1", "1000 gil 2");
    root.get("results").forEach(r -> assertThat(r.get("baseline").asText()).isEqualTo("single"));
    JsonNode scaling = root.get("scaling");
    assertThat(scaling).hasSize(4);
    for (JsonNode curve : scaling) {
      assertThat(curve.get("reference").asText()).isEqualTo("workers=1");
      assertThat(curve.get("points")).hasSize(2);
      assertThat(curve.get("points").get(0).get("speedup").asDouble()).isEqualTo(1.0);
      assertThat(curve.get("amdahl").isObject()).isTrue();
      assertThat(curve.get("usl").isNull()).isTrue(); // one point beyond one worker: too few for two parameters
    }
  }

  @Test
  void theTableShowsTheResultsThenTheScalingSection() {
    Outcome outcome = CommandRunner.run("matrix", "--workload", "tiny", "--executor", "thread-pool",
        "--workers", "2,1,4", "--tasks", "20", "--runs", "1", "--warmup", "0", "--capacity", "off");

    assertThat(outcome.status()).as(outcome.err()).isZero();
    List<String> lines = outcome.out().lines().toList();
    // Header, single, thread-pool in the order given; a blank line; the scaling section and its one curve.
    assertThat(lines.get(0)).startsWith("workload");
    assertThat(lines.subList(1, 5)).extracting(l -> l.trim().split(" +")[2]).containsExactly("1", "2", "1", "4");
    assertThat(lines.get(5)).isEmpty();
    assertThat(lines.get(6)).startsWith("scaling:");
    assertThat(lines.get(7)).contains("reference", "speedup at workers", "amdahl s", "usl sigma", "kappa");
    assertThat(lines.get(8)).contains("tiny", "thread-pool", "workers=1", "1:1.00x 2:", " 4:");
    assertThat(lines).hasSize(9);
  }

  @Test
  void aChunksizeSweepKeepsItsResultsApart() throws Exception {
    Outcome outcome = CommandRunner.run("matrix", "--workload", "tiny", "--executor", "process-pool,thread-pool",
        "--workers", "1", "--chunksize", "5,10", "--tasks", "20", "--runs", "1", "--warmup", "0",
        "--capacity", "off", "--baseline", "none", "--format", "json");

    assertThat(outcome.status()).as(outcome.err()).isZero();
    SchemaValidation.assertValid(outcome.out());
    List<String> results = new ArrayList<>();
    JsonReport.mapper().readTree(outcome.out()).get("results")
        .forEach(r -> results.add(r.get("executor").asText() + " " + r.get("chunksize").asText()));
    assertThat(results).containsExactly("process-pool 5", "process-pool 10", "thread-pool null");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--workers 1,0                  | invalid value for --workers: '0' (must be between 1 and 4096)",
      "--workers 1,abc                | Invalid value for option '--workers' (N): 'abc' is not an int",
      "--workers 2,,4                 | Invalid value for option '--workers' (N): '' is not an int",
      "--chunksize 5,0                | invalid value for --chunksize: '0'",
      "--param n=1000,abc             | invalid value for --param n: 'abc' (expected a whole number)",
      "--param n=1000,0               | invalid value for --param n: '0' (must be between 1",
      "--param n=1000,                | invalid value for --param n: ''",
      "--param m=1,2                  | unknown parameter 'm' for workload cpu (it takes: n)",
      "--executor thread-pool,bogus   | invalid value for --executor: 'bogus'",
      "--workload cpu,cpux            | invalid value for --workload: 'cpux' (did you mean 'cpu'?)",
      "--guard none,atomc             | invalid value for --guard: 'atomc' (did you mean 'atomic'?)",
      "--baseline thread-pool         | invalid value for --baseline: 'thread-pool' (matrix sweeps its --workers; a baseline is measured once: use single or none)",
      "--workers 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40 --tasks 40 --param n=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30 | the matrix has 1230 combinations (at most 1000)",
      "--export yaml=x.yaml           | invalid value for --export: 'yaml'",
  })
  void aBadValueInAListIsOneLineExitTwoAndNoFile(String extra, String expected) {
    Path output = dir.resolve("never.json");
    Path export = dir.resolve("never.csv");
    List<String> args = new ArrayList<>(List.of("matrix", "--workload", "cpu", "--executor", "thread-pool",
        "--workers", "1,2"));
    args.addAll(List.of(extra.trim().split(" ")));
    args.addAll(List.of("--output", output.toString(), "--export", "csv=" + export));

    Outcome outcome = CommandRunner.run(args.toArray(String[]::new));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("concbench matrix: ").contains(expected.trim())
        .doesNotContain("Exception", "\tat ");
    assertThat(outcome.out()).isEmpty();
    assertThat(Files.exists(output)).isFalse();
    assertThat(Files.exists(export)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--workers 1,2               | invalid value for --workers: '1,2' (run takes one value; sweep a list with 'concbench matrix')",
      "--workers 2 --workers 4     | invalid value for --workers: '2,4' (run takes one value",
      "--chunksize 1,10            | invalid value for --chunksize: '1,10' (run takes one value",
      "--param n=1000,2000         | invalid value for --param n: '1000,2000' (run takes one value; sweep a list with 'concbench matrix')",
  })
  void runRefusesListsAndPointsToMatrix(String extra, String expected) {
    Path output = dir.resolve("never.json");
    List<String> args = new ArrayList<>(List.of("run", "--workload", "cpu", "--executor", "process-pool"));
    args.addAll(List.of(extra.trim().split(" ")));
    args.addAll(List.of("--output", output.toString()));

    Outcome outcome = CommandRunner.run(args.toArray(String[]::new));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).contains(expected.trim());
    assertThat(Files.exists(output)).isFalse();
  }

  @Test
  void theHtmlExportIsNotDrawnBetweenMeasuredRunsButIsWrittenAtTheEnd() throws Exception {
    Path html = dir.resolve("m.html");
    Path csv = dir.resolve("m.csv");
    io.concbench.engine.Cancellation cancellation = new io.concbench.engine.Cancellation();
    boolean[] htmlWithFirstCsv = new boolean[1];
    // html comes first on the command line: had it been written with the first finished result, it would
    // exist by the time the csv does.
    Thread watcher = CommandRunner.cancelOnceWritten(csv, cancellation,
        () -> htmlWithFirstCsv[0] = Files.exists(html));

    Outcome outcome = CommandRunner.run(cancellation, "matrix", "--workload", "tiny,io", "--executor",
        "thread-pool", "--workers", "1,2", "--tasks", "4", "--param", "sleep-ms=600000", "--runs", "1",
        "--warmup", "0", "--baseline", "none", "--capacity", "off", "--export", "html=" + html,
        "--export", "csv=" + csv);
    watcher.join();

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(htmlWithFirstCsv[0]).as("html written between measured runs").isFalse();
    assertThat(Files.readString(html)).contains("<svg");
  }

  @Test
  void anInterruptedMatrixKeepsTheResultsFinishedSoFarAndExits130() throws Exception {
    Path file = dir.resolve("partial.json");
    io.concbench.engine.Cancellation cancellation = new io.concbench.engine.Cancellation();
    // One round: tiny's results finish first; io's tasks sleep ten minutes, until cancelled once a tiny
    // result is on disk (or after a deadline, so that a broken run fails rather than hangs).
    Thread canceller = CommandRunner.cancelOnceWritten(file, cancellation, () -> {});

    Outcome outcome = CommandRunner.run(cancellation, "matrix", "--workload", "tiny,io", "--executor",
        "thread-pool", "--workers", "1,2", "--tasks", "4", "--param", "sleep-ms=600000", "--runs", "1",
        "--warmup", "0", "--baseline", "none", "--capacity", "off", "--output", file.toString());
    canceller.join();

    assertThat(outcome.status()).isEqualTo(ExitCodes.INTERRUPTED);
    assertThat(outcome.err()).containsPattern("interrupted; kept [12] finished result");
    String saved = Files.readString(file);
    SchemaValidation.assertValid(saved);
    JsonNode root = JsonReport.mapper().readTree(saved);
    assertThat(root.get("complete").asBoolean()).isFalse();
    assertThat(root.get("results")).isNotEmpty().allSatisfy(r -> assertThat(r.get("workload").asText())
        .isEqualTo("tiny"));
  }

  @Test
  void helpNamesTheListOptions() {
    Outcome outcome = CommandRunner.run("matrix", "--help");

    assertThat(outcome.status()).isZero();
    assertThat(outcome.out()).contains("Usage: concbench matrix", "--workers", "--chunksize", "--param",
        "round-robin", "matrix: a list to sweep", "Amdahl");
  }
}
