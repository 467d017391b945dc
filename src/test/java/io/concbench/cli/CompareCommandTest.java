package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.engine.Cancellation;
import io.concbench.engine.CpuTimes;
import io.concbench.report.JsonReport;
import io.concbench.result.Environment;
import io.concbench.result.LatencySummary;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import io.concbench.stats.Summaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

  @TempDir Path dir;

  private static final double[] WALL = {100, 102, 98, 101, 99, 103, 97};

  @Test
  void aReportComparedWithItselfShowsNoChangeAndExitsZero() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));

    Outcome outcome = compare(baseline.toString(), baseline.toString());

    assertThat(outcome.status).isZero();
    assertThat(outcome.out).contains("0 regressed, 0 improved, 1 compared").contains("no significant change");
    assertThat(outcome.err).isEmpty();
  }

  @Test
  void thirtyPercentSlowerExitsOneAndNamesTheResult() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Path current = write("cur.json", report(1.3, "17.0.15"));

    Outcome outcome = compare(baseline.toString(), current.toString());

    assertThat(outcome.status).isEqualTo(ExitCodes.FAILED);
    assertThat(outcome.err).contains("regressed: cpu on thread-pool (workers 2, tasks 16, n=1000)");
  }

  @Test
  void twoPercentSlowerIsBelowTheDefaultThreshold() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Path current = write("cur.json", report(1.02, "17.0.15"));

    assertThat(compare(baseline.toString(), current.toString()).status).isZero();
  }

  @Test
  void failOnNeverReportsButExitsZero() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Path current = write("cur.json", report(1.3, "17.0.15"));

    Outcome outcome = compare(baseline.toString(), current.toString(), "--fail-on", "never");

    assertThat(outcome.status).isZero();
    assertThat(outcome.out).contains("regressed");
  }

  @Test
  void aRegressionThatCoincidesWithACapacityDropSaysSo() throws IOException {
    Path baseline = write("base.json", withCapacity(report(1.0, "17.0.15"), 1.97, 0.98));
    Path current = write("cur.json", withCapacity(report(1.3, "17.0.15"), 1.40, 0.97));

    Outcome outcome = compare(baseline.toString(), current.toString());

    assertThat(outcome.status).isEqualTo(ExitCodes.FAILED);
    assertThat(outcome.err).contains("the machine's capacity fell from 1.97 to 1.40 of 2 cores between the two "
        + "runs; efficiency against capacity 0.98 -> 0.97 (the regression above may be the machine's");
    // Per run, efficiency against capacity: 1.3x slower but on 1.40 instead of 1.97 cores, so it rose.
    assertThat(outcome.out.lines().filter(l -> l.contains("eff/capacity per run"))).singleElement().asString()
        .contains("improved");
  }

  @Test
  void aRegressionWithOtherProcessesBusyDuringTheCurrentRunsSaysSoAndAnEqualBackgroundDoesNot()
      throws IOException {
    io.concbench.system.BackgroundLoad quiet = new io.concbench.system.BackgroundLoad(3000, 2, 0.02, 0.0, List.of());
    io.concbench.system.BackgroundLoad busy = new io.concbench.system.BackgroundLoad(3000, 2, 0.93, 0.0,
        List.of(new io.concbench.system.BackgroundLoad.BusyProcess(4242, "bash", 0.91, false)));
    Path baseline = write("base.json", withBackground(report(1.0, "17.0.15"), quiet));
    Path current = write("cur.json", withBackground(report(1.3, "17.0.15"), busy));
    Path alsoBusy = write("busy.json", withBackground(report(1.0, "17.0.15"), busy));

    Outcome outcome = compare(baseline.toString(), current.toString());
    Outcome same = compare(alsoBusy.toString(), current.toString());

    assertThat(outcome.err).contains("other processes used 0.93 cores during the current runs, 0.02 during the "
        + "baseline's (busiest: bash, pid 4242, 0.91 cores) (the regression above may be the machine's");
    assertThat(same.err).doesNotContain("other processes used");
  }

  private static Report withBackground(Report report, io.concbench.system.BackgroundLoad background) {
    return withResult(report, ResultBuilder.from(report.results().get(0)).backgroundLoad(background).build());
  }

  private static Report withCapacity(Report report, double capacity, double efficiency) {
    Result r = report.results().get(0);
    List<Double> perRun = r.timing().wallMs().samples().stream().map(w -> capacity).toList();
    return withResult(report, ResultBuilder.from(r).capacity(new io.concbench.result.CapacitySummary(capacity,
        capacity, capacity, perRun, "threads", 2), efficiency).build());
  }

  private static Report plus(Report report, Result result) {
    List<Result> results = new java.util.ArrayList<>(report.results());
    results.add(result);
    return new Report(report.schema(), report.complete(), report.commandLine(), report.environment(), results);
  }

  private static Report withResult(Report report, Result result) {
    return new Report(report.schema(), report.complete(), report.commandLine(), report.environment(),
        List.of(result));
  }

  @Test
  void differentEnvironmentsAreWarnedAbout() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Path current = write("cur.json", report(1.0, "25.0.1"));

    assertThat(compare(baseline.toString(), current.toString()).err)
        .contains("warning: the reports come from different environments")
        .contains("Java version differs: 17.0.15 vs 25.0.1");
  }

  @Test
  void differentJvmOptionsAndConcbenchVersionsAreWarnedAbout() throws IOException {
    Report base = report(1.0, "17.0.15");
    Environment e = base.environment();
    Environment slowed = new Environment("0.2.0", e.javaVersion(), e.javaVendor(), e.javaVm(), e.javaVmName(),
        e.javaVmVersion(), e.javaHome(), List.of("-XX:TieredStopAtLevel=1"), e.osName(), e.osVersion(),
        e.osArch(), e.cpuModel(), e.availableProcessors(), e.maxHeapMb(), e.timestampUtc(), e.system());
    Path baseline = write("base.json", base);
    Path current = write("cur.json", new Report(base.schema(), true, base.commandLine(), slowed, base.results()));

    assertThat(compare(baseline.toString(), current.toString()).err)
        .contains("JVM options differ: none vs -XX:TieredStopAtLevel=1")
        .contains("concbench version differs: test vs 0.2.0");
  }

  @Test
  void badFilesAreOneLineAndExitTwo() throws IOException {
    Path good = write("base.json", report(1.0, "17.0.15"));
    Map<String, String> cases = Map.of(
        "broken.json", "{\"schema\": ",
        "other.json", "{\"a\": 1}",
        "v2.json", "{\"schema\": \"concbench/2\", \"results\": []}",
        "empty.json", "{\"schema\": \"concbench/1\", \"results\": []}");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path bad = dir.resolve(c.getKey());
      Files.writeString(bad, c.getValue());

      Outcome outcome = compare(good.toString(), bad.toString());

      assertThat(outcome.status).as(c.getKey()).isEqualTo(ExitCodes.USAGE);
      assertThat(outcome.err.lines().count()).as(c.getKey()).isEqualTo(1);
      assertThat(outcome.err).as(c.getKey()).contains(bad.toString());
    }
    Outcome missing = compare(good.toString(), dir.resolve("missing.json").toString());
    assertThat(missing.status).isEqualTo(ExitCodes.USAGE);
    assertThat(missing.err).contains("no such file");
  }

  @Test
  void reportsWithTooFewRunsJudgeNothingAndFailUnlessAllowed() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15", 3));
    Path current = write("cur.json", report(2.0, "17.0.15", 3));

    Outcome refused = compare(baseline.toString(), current.toString());
    Outcome allowed = compare(baseline.toString(), current.toString(), "--allow-unjudged");

    assertThat(refused.status).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.out).contains("too few samples");
    assertThat(refused.err).contains("warning: cpu on thread-pool (workers 2, tasks 16, n=1000): not judged: 3 "
        + "run(s) in the baseline, 3 in the current report, fewer than --min-samples 5")
        .contains("compare: nothing could be judged")
        .contains("pass --allow-unjudged");
    assertThat(allowed.status).isZero();
    assertThat(allowed.err).contains("nothing could be judged").contains("passing anyway (--allow-unjudged)");
  }

  @Test
  void oneUnjudgedResultAmongJudgedOnesStillFailsTheGate() throws IOException {
    Report judged = report(1.0, "17.0.15");
    Result few = ResultBuilder.result().workload("io")
        .timing(new Result.Timing(3, 1, Summaries.of(new double[] {100, 101, 99}), null, null, null,
            new LatencySummary(1, 1, 1, 1, 1, 16, List.of()), 100, 1.9))
        .memory(Result.Memory.UNKNOWN).build();
    Path both = write("both.json", plus(judged, few));

    Outcome outcome = compare(both.toString(), both.toString());

    assertThat(outcome.status).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err).contains("compare: 1 of 2 results could not be judged").contains("io on");
    assertThat(compare(both.toString(), both.toString(), "--allow-unjudged").status).isZero();
  }

  @Test
  void aRegressionOutranksUnjudgedResults() throws IOException {
    Result few = ResultBuilder.result().workload("io")
        .timing(new Result.Timing(3, 1, Summaries.of(new double[] {100, 101, 99}), null, null, null,
            new LatencySummary(1, 1, 1, 1, 1, 16, List.of()), 100, 1.9))
        .memory(Result.Memory.UNKNOWN).build();
    Path baseline = write("base.json", plus(report(1.0, "17.0.15"), few));
    Path current = write("cur.json", plus(report(1.3, "17.0.15"), few));

    assertThat(compare(baseline.toString(), current.toString()).status).isEqualTo(ExitCodes.FAILED);
  }

  @Test
  void markdownJsonAndJunitFormats() throws Exception {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Path current = write("cur.json", report(1.3, "17.0.15"));

    assertThat(compare(baseline.toString(), current.toString(), "--format", "markdown").out)
        .startsWith("### concbench compare: 1 regressed")
        .contains("| **regressed** |");
    String json = compare(baseline.toString(), current.toString(), "--format", "json").out;
    assertThat(JsonReport.mapper().readTree(json).get("regressions").asInt()).isEqualTo(1);
    Path junit = dir.resolve("TEST-compare.xml");
    Files.writeString(junit, compare(baseline.toString(), current.toString(), "--format", "junit").out);
    var suites = new org.apache.maven.plugins.surefire.report.TestSuiteXmlParser(
        new org.apache.maven.plugin.surefire.log.api.NullConsoleLogger()).parse(junit.toString());
    assertThat(suites).hasSize(1);
    assertThat(suites.get(0).getNumberOfTests()).isEqualTo(1);
    assertThat(suites.get(0).getNumberOfFailures()).isEqualTo(1);
  }

  @Test
  @org.junit.jupiter.api.Timeout(120)
  void confirmKeepsARegressionOnlyIfTheRerunReproducesIt() throws Exception {
    // Measured for real, in this JVM, as a user's run is: the re-run starts a child JVM as this one was
    // started (its java_home and jvm_args), with this concbench. Sleeps of 100 ms make the times all but
    // certain, even on a loaded machine whose scheduling adds tens of milliseconds to a run (20 ms sleeps
    // failed here twice at a load of 10 on 2 cores).
    Services real = new Services(io.concbench.engine.Clock.SYSTEM, () -> CpuTimes.UNKNOWN,
        () -> io.concbench.result.EnvironmentProbe.read(java.time.Clock.systemUTC()), new Cancellation(), false,
        false);
    Path measured = dir.resolve("measured.json");
    // Recorded with an --output the re-run must not overwrite, in both spellings of an option.
    String[] run = {"run", "--workload=io", "--executor", "single", "--tasks", "2", "--param", "sleep-ms=100",
        "--runs", "5", "--warmup", "0", "--capacity", "off", "--baseline", "none", "--output", measured.toString()};
    assertThat(Cli.run(run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), real))
        .isZero();
    String original = Files.readString(measured);

    // A CURRENT that reads twice as slow as its code is: the re-run is not, so nothing is counted.
    Path slower = write("slower.json", scaledWall(original, 2));
    Outcome notReproduced = compare(real, measured.toString(), slower.toString(), "--confirm", "5");

    assertThat(notReproduced.status).as(notReproduced.err).isZero();
    assertThat(notReproduced.out).contains("0 regressed").contains("regressed, not reproduced");
    assertThat(notReproduced.err).contains("compare: confirming 1 regressed result(s) with 5 more runs as "
        + slower + " was measured (Java " + System.getProperty("java.version"))
        .contains("not reproduced: io on single (workers 1, tasks 2, sleep-ms=100): wall");
    assertThat(Files.readString(measured)).isEqualTo(original);

    // A BASELINE that was twice as fast: the re-run of CURRENT is as slow as CURRENT, so it stands.
    Path faster = write("faster.json", scaledWall(original, 0.5));
    Outcome reproduced = compare(real, faster.toString(), measured.toString(), "--confirm", "5");

    assertThat(reproduced.status).as(reproduced.err).isEqualTo(ExitCodes.FAILED);
    assertThat(reproduced.err).contains("regressed: io on single").doesNotContain("not reproduced")
        .contains("reproduced: io on single (workers 1, tasks 2, sleep-ms=100): wall regressed again in the 5 "
            + "confirming runs (");
  }

  @Test
  void confirmRefusesWhatItCannotReproduceInOneLine() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Report slow = report(1.3, "17.0.15");
    // A re-runnable command, recorded by another concbench on a JDK this machine does not have.
    Path current = write("cur.json", new Report(slow.schema(), slow.complete(),
        List.of("concbench", "run", "--workload", "cpu", "--executor", "thread-pool"), slow.environment(),
        slow.results()));

    Outcome refused = compare(baseline.toString(), current.toString(), "--confirm", "5");

    assertThat(refused.status).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err.strip()).doesNotContain("\n")
        .contains("--confirm: cannot re-run " + current + " as it was measured: it was measured by concbench test");
    assertThat(refused.out).isEmpty();
  }

  @Test
  void confirmNeedsARerunnableCommandAndEnoughRuns() throws IOException {
    Path baseline = write("base.json", report(1.0, "17.0.15"));
    Path current = write("cur.json", report(1.3, "17.0.15"));

    Outcome noCommand = compare(baseline.toString(), current.toString(), "--confirm", "5");
    Outcome tooFew = compare(baseline.toString(), current.toString(), "--confirm", "3");

    assertThat(noCommand.status).isEqualTo(ExitCodes.USAGE);
    assertThat(noCommand.err.strip()).doesNotContain("\n").contains("does not record a 'concbench run'");
    assertThat(tooFew.status).isEqualTo(ExitCodes.USAGE);
    assertThat(tooFew.err).contains("invalid value for --confirm: '3'");
  }

  @Test
  void theRerunReplacesWhatItMeasuresAndWhereItWritesAndKeepsTheRest() {
    List<String> args = ConfirmationRun.arguments(List.of("concbench", "run", "--workload", "cpu,io",
        "--executor=thread-pool,gil", "--workers", "2", "--output", "keep.json", "--export", "csv=x.csv",
        "--runs=9", "--format", "table", "--param", "n=5", "--plugin", "p.jar"), "cur.json",
        List.of(new io.concbench.stats.ReportComparison.Key("cpu", "gil", 2, 16, Map.of(), null, null)), 7);

    assertThat(args).containsExactly("run", "--workers", "2", "--param", "n=5", "--workload", "cpu",
        "--executor", "gil", "--runs", "7", "--format", "json");
  }

  /** The report with every run's wall time multiplied: the same code, measured on a slower or faster day. */
  private static Report scaledWall(String json, double factor) throws IOException {
    var root = (com.fasterxml.jackson.databind.node.ObjectNode) JsonReport.mapper().readTree(json);
    for (var result : root.get("results")) {
      var wall = (com.fasterxml.jackson.databind.node.ObjectNode) result.get("wall_ms");
      var samples = (com.fasterxml.jackson.databind.node.ArrayNode) wall.get("samples");
      for (int i = 0; i < samples.size(); i++) {
        samples.set(i, samples.get(i).asDouble() * factor);
      }
      // The summary scales with its samples: a reader refuses one that is not of its samples.
      for (String figure : List.of("mean", "median", "stddev", "min", "max", "ci_low", "ci_high")) {
        if (wall.get(figure).isNumber()) {
          wall.put(figure, wall.get(figure).asDouble() * factor);
        }
      }
    }
    return JsonReport.mapper().treeToValue(root, Report.class);
  }

  private record Outcome(int status, String out, String err) {}

  private Outcome compare(Services services, String... args) {
    String[] full = new String[args.length + 1];
    full[0] = "compare";
    System.arraycopy(args, 0, full, 1, args.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Cli.run(full, new PrintWriter(out), new PrintWriter(err), services);
    return new Outcome(status, out.toString(), err.toString());
  }

  private Outcome compare(String... args) {
    return compare(new Services(() -> 0, () -> CpuTimes.UNKNOWN, () -> null, new Cancellation(), false, false),
        args);
  }

  private Path write(String name, Report report) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, JsonReport.render(report));
    return file;
  }

  private static Report report(double factor, String javaVersion) {
    return report(factor, javaVersion, WALL.length);
  }

  /** A report of the first {@code runs} of {@link #WALL}, scaled by {@code factor}. */
  private static Report report(double factor, String javaVersion, int runs) {
    double[] wall = new double[runs];
    for (int i = 0; i < wall.length; i++) {
      wall[i] = WALL[i] * factor;
    }
    Result result = ResultBuilder.result()
        .timing(new Result.Timing(wall.length, 1, Summaries.of(wall), null, null, null,
            new LatencySummary(1, 1, 1, 1, 1, 16, List.of()), 100, 1.9))
        .speedup("single", 1.9)
        .memory(Result.Memory.UNKNOWN)
        .build();
    Environment environment = new Environment("test", javaVersion, "vendor", "vm", "vm", javaVersion, "/jdk",
        List.of(), "Linux", "6",
        "amd64", "cpu", 2, 1024, "2026-11-25T00:00:00Z", null);
    return new Report(Report.SCHEMA, true, List.of("concbench"), environment, List.of(result));
  }
}
