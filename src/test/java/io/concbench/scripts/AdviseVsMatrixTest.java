package io.concbench.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/advise-vs-matrix's verdict on issue 22's "within 5 %", run from a copy beside a concbench that hands
 * out canned reports: advise's, the matrix's, then the confirming matrix's (the pick and the best alone).
 */
class AdviseVsMatrixTest {

  private static final Path SCRIPT = Path.of("scripts", "advise-vs-matrix").toAbsolutePath();

  /** Writes the canned report a command asks for to its --output; the second matrix gets confirm.json. */
  private static final String FAKE_CONCBENCH = """
      #!/usr/bin/env bash
      command=$1; shift
      echo "$command $*" >> "$CANNED/calls"
      name=$command
      if [ "$command" = matrix ]; then
        [ -e "$CANNED/matrix-done" ] && name=confirm
        touch "$CANNED/matrix-done"
      fi
      while [ $# -gt 0 ]; do [ "$1" = --output ] && cp "$CANNED/$name.json" "$2"; shift; done
      """;

  @TempDir Path root;
  private Path canned;

  @BeforeEach
  void copyTheScriptBesideAFakeConcbench() throws IOException {
    assumeTrue(onPath("jq"), "the script needs jq");
    Path scripts = Files.createDirectories(root.resolve("scripts"));
    Files.copy(SCRIPT, scripts.resolve("advise-vs-matrix"));
    Path fake = Files.writeString(scripts.resolve("concbench"), FAKE_CONCBENCH);
    fake.toFile().setExecutable(true);
    canned = Files.createDirectories(root.resolve("canned"));
    Files.writeString(canned.resolve("advise.json"), """
        {"advice": {"picked": {"executor": "thread-pool", "workers": 2, "chunksize": null, "guard": null,
                               "speedup": 2.0},
                    "candidates": [{"executor": "thread-pool", "workers": 2, "chunksize": null, "rounds": 6},
                                   {"executor": "process-pool", "workers": 2, "chunksize": 1, "rounds": 6}],
                    "recommendation": "run it on thread-pool with 2 workers",
                    "calibration": {"reference_estimated": false}},
         "results": [%s]}
        """.formatted(threadPool(500, 500, 500)));
  }

  @Test
  void whenTheMatrixFindsThePickBestItHoldsWithNothingMoreToMeasure() throws Exception {
    matrix("matrix.json", threadPool(100, 120, 110, 130, 90), processPool(130, 140, 120, 150, 125));

    ScriptRun result = compare("");

    assertThat(result.out()).contains("pick wall / best wall:  110.0 ms / 110.0 ms = 1.000")
        .contains("holds (the same case; done when <= 1.05)").doesNotContain("confirmed alone");
    assertThat(calls()).hasSize(2);
  }

  /**
   * The best's median is 9 % under the pick's in the matrix, but run alone with the pick the two are 2 % apart:
   * the verdict is the confirmation's median of the pick's run over the best's, round by round.
   */
  @Test
  void whenTheBestIsAnotherCaseTheTwoAreMeasuredAgainAloneAndThatDecides() throws Exception {
    matrix("matrix.json", threadPool(150, 160, 120, 125, 130), processPool(130, 100, 124, 105, 119));
    matrix("confirm.json", threadPool(102, 204, 102, 153, 103, 100, 110), processPool(100, 200, 100, 150, 100, 100, 100));

    ScriptRun result = compare("7");

    assertThat(result.status()).isZero();
    assertThat(result.out()).contains("pick wall / best wall:  130.0 ms / 119.0 ms = 1.092 (the medians;")
        .contains("pick / best by round 1.154, range [0.968, 1.600] (5 rounds)")
        .contains("confirmed alone: pick / best by round 1.020, 95 % [1.000, 1.100] (7 rounds), ")
        .contains(": holds (done when <= 1.05)");
    assertThat(calls().get(2)).isEqualTo("matrix --workload w --executor process-pool,thread-pool --workers 2 "
        + "--chunksize 1 --runs 7 --baseline none --quiet --output " + root.resolve("out/confirm.json"));
  }

  @Test
  void aConfirmationThatPutsThePickMoreThanFivePercentBehindDoesNotHold() throws Exception {
    matrix("matrix.json", threadPool(150, 160, 120, 125, 130), processPool(130, 100, 124, 105, 119));
    matrix("confirm.json", threadPool(110, 220, 110, 165, 111, 108, 120), processPool(100, 200, 100, 150, 100, 100, 100));

    assertThat(compare("7").out()).contains("confirmed alone: pick / best by round 1.100")
        .contains("DOES NOT HOLD (done when <= 1.05)");
  }

  @Test
  void withoutAConfirmationTheMatrixsOwnRoundsDecide() throws Exception {
    matrix("matrix.json", threadPool(150, 160, 120, 125, 130), processPool(130, 100, 124, 105, 119));

    ScriptRun result = compare("0");

    assertThat(result.out()).contains("not confirmed alone (CONFIRM_RUNS=0): by round in the matrix DOES NOT HOLD");
    assertThat(calls()).hasSize(2);
  }

  private void matrix(String file, String... results) throws IOException {
    Files.writeString(canned.resolve(file), "{\"results\": [" + String.join(",", results) + "]}");
  }

  private static String threadPool(double... wallMs) {
    return result("\"thread-pool\"", "null", wallMs);
  }

  private static String processPool(double... wallMs) {
    return result("\"process-pool\"", "1", wallMs);
  }

  private static String result(String executor, String chunksize, double... wallMs) {
    double[] sorted = DoubleStream.of(wallMs).sorted().toArray();
    return String.format(Locale.ROOT, "{\"executor\": %s, \"workers\": 2, \"chunksize\": %s, \"guard\": null, "
        + "\"wall_ms\": {\"median\": %s, \"samples\": [%s]}}", executor, chunksize, sorted[sorted.length / 2],
        DoubleStream.of(wallMs).mapToObj(v -> String.format(Locale.ROOT, "%s", v)).collect(Collectors.joining(",")));
  }

  private List<String> calls() throws IOException {
    return Files.readAllLines(canned.resolve("calls"));
  }

  private ScriptRun compare(String confirmRuns) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("/bin/bash", root.resolve("scripts/advise-vs-matrix").toString(),
        "--workload w", "--executor thread-pool,process-pool --chunksize 1 --runs 5", root.resolve("out").toString());
    builder.environment().put("CANNED", canned.toString());
    builder.environment().put("CONFIRM_RUNS", confirmRuns);
    return ScriptRun.of(builder, 60);
  }

  private static boolean onPath(String program) {
    return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, program)));
  }
}
