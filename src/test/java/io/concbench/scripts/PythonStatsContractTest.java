package io.concbench.scripts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.concbench.result.Summary;
import io.concbench.stats.Summaries;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python scripts summarise their samples with scripts/concbench_tools/stats.py (python-baseline's
 * reports are read beside concbench's), so its figures must be concbench's: each summary field against
 * {@link Summaries#of} on fixed sample sets, and its Student t against commons-math3's, which Summaries uses,
 * for 1 to 1,000 degrees of freedom and a few other quantiles. Also runs the package's own unit tests.
 * Skipped where no python3 is on the PATH; about a second.
 */
class PythonStatsContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** The quantile of Summaries' 99.9 % interval, as it computes it. */
  private static final double P999 = 1 - (1 - Summaries.CONFIDENCE) / 2;

  /** commons-math3's solver stops at 1e-9 absolute; the Python side is within ~1e-13 of exact. */
  private static final double T_RELATIVE = 1e-9;

  /** Mean, median, stddev: the same sums in another order (fmean and stdev round exactly, StatUtils not). */
  private static final double RELATIVE = 1e-12;

  private static final String SUMMARIES = """
      import json, sys
      sys.path.insert(0, "scripts")
      from concbench_tools import stats
      request = json.load(sys.stdin)
      json.dump({"summaries": [stats.summary(samples) for samples in request["samples"]],
                 "quantiles": [stats.student_t_quantile(df, p) for df, p in request["quantiles"]]}, sys.stdout)
      """;

  @Test
  void summariesAreConcbenchsFigureForFigure() throws Exception {
    List<double[]> sets = sampleSets();
    ObjectNode request = JSON.createObjectNode();
    ArrayNode samples = request.putArray("samples");
    sets.forEach(set -> samples.add(JSON.valueToTree(set)));
    request.putArray("quantiles");
    JsonNode summaries = python(request).get("summaries");

    assertThat(summaries).hasSize(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      Summary java = Summaries.of(sets.get(i));
      JsonNode py = summaries.get(i);
      String set = "sample set " + i + " (" + sets.get(i).length + " samples)";
      assertClose(py, "mean", java.mean(), set);
      assertClose(py, "median", java.median(), set);
      assertClose(py, "stddev", java.stddev(), set);
      assertThat(py.get("min").doubleValue()).as(set + " min").isEqualTo(java.min());
      assertThat(py.get("max").doubleValue()).as(set + " max").isEqualTo(java.max());
      assertThat(py.get("samples")).as(set + " samples").hasSize(java.samples().size());
      for (int k = 0; k < java.samples().size(); k++) {
        assertThat(py.get("samples").get(k).doubleValue()).isEqualTo(java.samples().get(k));
      }
      if (java.ciLow() == null) {
        assertThat(py.get("ci_low").isNull()).as(set + " ci_low is null").isTrue();
        assertThat(py.get("ci_high").isNull()).as(set + " ci_high is null").isTrue();
      } else {
        // The interval's ends carry t's error times the half-width, and the mean's.
        double halfWidth = (java.ciHigh() - java.ciLow()) / 2;
        double tolerance = T_RELATIVE * halfWidth + RELATIVE * Math.abs(java.mean());
        assertThat(py.get("ci_low").doubleValue()).as(set + " ci_low").isCloseTo(java.ciLow(), within(tolerance));
        assertThat(py.get("ci_high").doubleValue()).as(set + " ci_high").isCloseTo(java.ciHigh(), within(tolerance));
      }
    }
  }

  @Test
  void studentTIsCommonsMathsForOneToAThousandDegreesOfFreedom() throws Exception {
    List<double[]> asked = new ArrayList<>();
    IntStream.rangeClosed(1, 1000).forEach(df -> asked.add(new double[] {df, P999}));
    for (double p : new double[] {0.6, 0.9, 0.975, 0.995, 0.025}) {
      for (int df : new int[] {1, 2, 3, 5, 10, 30, 100, 1000, 2999, 3000, 10_000, 100_000}) {
        asked.add(new double[] {df, p});
      }
    }
    ObjectNode request = JSON.createObjectNode();
    request.putArray("samples");
    ArrayNode quantiles = request.putArray("quantiles");
    asked.forEach(a -> quantiles.addArray().add((int) a[0]).add(a[1]));
    JsonNode py = python(request).get("quantiles");

    assertThat(py).hasSize(asked.size());
    for (int i = 0; i < asked.size(); i++) {
      int df = (int) asked.get(i)[0];
      double p = asked.get(i)[1];
      double java = new TDistribution(df).inverseCumulativeProbability(p);
      assertThat(py.get(i).doubleValue()).as("t quantile %s for %d df", p, df)
          .isCloseTo(java, within(T_RELATIVE * Math.abs(java)));
    }
  }

  @Test
  void thePackagesOwnUnitTestsPass() throws Exception {
    assumeTrue(onPath("python3"), "python3 is not on the PATH");
    Result run = run(List.of("python3", "-m", "unittest", "discover", "-s", "scripts/concbench_tools/tests",
        "-t", "scripts"), "");
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    assertThat(run.stderr()).contains("OK");
  }

  /**
   * Samples as runs give them: one run, two, three (t is 31.6 there), twelve (where python-baseline's former
   * table read 4.318 for Java's 4.437), identical runs, tiny latencies, wall times near a second and a
   * billion-offset set that cancels in a naive variance.
   */
  private static List<double[]> sampleSets() {
    List<double[]> sets = new ArrayList<>();
    sets.add(new double[] {81.25});
    sets.add(new double[] {104.0, 100.0});
    sets.add(new double[] {52.31, 50.87, 51.94});
    sets.add(new double[] {812.4, 799.1, 845.7, 803.3, 806.9});
    sets.add(new double[] {61.2, 63.8, 60.9, 62.4, 65.1, 61.7, 62.0, 64.4, 60.8, 63.1, 62.6, 61.9});
    sets.add(new double[] {5.0, 5.0, 5.0, 5.0});
    sets.add(new double[] {0.0123, 0.0131, 0.0118, 0.0456, 0.0120, 0.0125});
    sets.add(new double[] {1e9 + 0.5, 1e9 + 1.25, 1e9 + 0.75, 1e9 + 2.0});
    sets.add(IntStream.range(0, 40).mapToDouble(i -> 1000 + 37 * Math.sin(i * 1.3) + (i % 7) * 2.5).toArray());
    return sets;
  }

  private static void assertClose(JsonNode py, String field, double java, String set) {
    assertThat(py.get(field).doubleValue()).as(set + " " + field)
        .isCloseTo(java, within(RELATIVE * Math.abs(java)));
  }

  private JsonNode python(ObjectNode request) throws Exception {
    assumeTrue(onPath("python3"), "python3 is not on the PATH");
    Result run = run(List.of("python3", "-c", SUMMARIES), JSON.writeValueAsString(request));
    assertThat(run.exitCode()).as(run.stderr()).isZero();
    return JSON.readTree(run.stdout());
  }

  private record Result(int exitCode, String stdout, String stderr) {}

  /** Runs a command from the repository root, with bounded time; no bytecode caches in the source tree. */
  private Result run(List<String> command, String stdin) throws IOException, InterruptedException {
    Path out = dir.resolve("stdout");
    Path err = dir.resolve("stderr");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.start();
    try (var in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    boolean ended = process.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    assertThat(ended).as("%s ended within 60 s", command.get(0)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null && List.of(path.split(File.pathSeparator)).stream()
        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }
}
