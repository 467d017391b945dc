package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.concbench.Main;
import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuTimes;
import io.concbench.report.JsonReport;
import io.concbench.result.EnvironmentProbe;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --confirm} stopped while its re-run is running: the re-run is a JVM of its own, which must
 * not outlive the compare that started it, nor leave its temporary report behind. A real compare in a child
 * JVM, stopped with SIGTERM (never SIGINT: a JVM started with SIGINT ignored, as in a CI background job,
 * passes that on to its children); every wait has a deadline on an observable event.
 */
class ConfirmInterruptTest {

  @TempDir Path dir;

  @Test
  @Timeout(120)
  void sigtermDuringTheReRunEndsItAndRemovesItsFile() throws Exception {
    Path current = measuredWithATenMinuteReRun();
    Path baseline = dir.resolve("baseline.json");
    Files.writeString(baseline, fasterThanEveryRun(Files.readString(current)));
    Path tmp = Files.createDirectory(dir.resolve("tmp"));

    Process compare = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "compare", baseline.toString(), current.toString(), "--confirm", "5")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("compare.stderr").toFile())
        .start();
    ProcessHandle rerun = awaitReRun(compare);
    try {
      assertThat(tmp.toFile().list()).as("the re-run's report file").hasSize(1);

      compare.destroy(); // SIGTERM

      assertThat(compare.waitFor(60, TimeUnit.SECONDS)).as("compare exited").isTrue();
      assertThat(rerun.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get())
          .as("re-run " + rerun.pid() + " exited with its compare").isNotNull();
      assertThat(tmp.toFile().list()).as("files left in java.io.tmpdir").isEmpty();
      assertThat(Files.readString(dir.resolve("compare.stderr")))
          .contains("compare: confirming 1 regressed result(s)");
    } finally {
      rerun.destroyForcibly(); // a failing run of this test leaves no ten-minute JVM behind
      compare.destroyForcibly();
    }
  }

  /**
   * A report measured for real in this JVM, as a user's run is (so that it can be re-run as it was
   * measured), whose recorded command line then asks for ten-minute waits: the re-run is surely still
   * running when compare is stopped.
   */
  private Path measuredWithATenMinuteReRun() throws IOException {
    Services real = new Services(Clock.SYSTEM, () -> CpuTimes.UNKNOWN,
        () -> EnvironmentProbe.read(java.time.Clock.systemUTC()), new Cancellation(), false, false);
    Path measured = dir.resolve("measured.json");
    String[] run = {"run", "--workload", "io", "--executor", "single", "--tasks", "1", "--param", "sleep-ms=20",
        "--runs", "5", "--warmup", "0", "--capacity", "off", "--baseline", "none", "--output", measured.toString()};
    assertThat(Cli.run(run, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), real))
        .isZero();
    ObjectNode root = (ObjectNode) JsonReport.mapper().readTree(Files.readString(measured));
    ArrayNode commandLine = (ArrayNode) root.get("command_line");
    for (int i = 0; i < commandLine.size(); i++) {
      if (commandLine.get(i).asText().equals("sleep-ms=20")) {
        commandLine.set(i, "sleep-ms=600000");
      }
    }
    Files.writeString(measured, JsonReport.mapper().writeValueAsString(root));
    return measured;
  }

  /** The re-run: a JVM below compare running concbench's {@code run}. */
  private static ProcessHandle awaitReRun(Process compare) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> reruns = compare.toHandle().descendants()
          .filter(p -> p.info().commandLine().map(c -> c.contains("sleep-ms=600000")).orElse(false))
          .toList();
      if (!reruns.isEmpty()) {
        return reruns.get(0);
      }
      assertThat(compare.isAlive()).as("compare still running while its re-run starts").isTrue();
      Thread.sleep(20); // polling an observable state, bounded by the deadline
    }
    throw new AssertionError("compare did not start its re-run within 60 s");
  }

  /**
   * The report with every wall figure scaled so that its slowest run is half as long as the measured
   * fastest: the same code on a faster day, a regression however much a loaded machine spread the runs (a
   * plain halving is not one when the slowest run took over twice the fastest).
   */
  private static String fasterThanEveryRun(String json) throws IOException {
    ObjectNode root = (ObjectNode) JsonReport.mapper().readTree(json);
    for (var result : root.get("results")) {
      ObjectNode wall = (ObjectNode) result.get("wall_ms");
      ArrayNode samples = (ArrayNode) wall.get("samples");
      double fastest = Double.MAX_VALUE;
      double slowest = 0;
      for (var sample : samples) {
        fastest = Math.min(fastest, sample.asDouble());
        slowest = Math.max(slowest, sample.asDouble());
      }
      double factor = 0.5 * fastest / slowest;
      for (int i = 0; i < samples.size(); i++) {
        samples.set(i, samples.get(i).asDouble() * factor);
      }
      Stream.of("mean", "median", "stddev", "min", "max", "ci_low", "ci_high")
          .filter(figure -> wall.get(figure) != null && wall.get(figure).isNumber())
          .forEach(figure -> wall.put(figure, wall.get(figure).asDouble() * factor));
    }
    return JsonReport.mapper().writeValueAsString(root);
  }
}
