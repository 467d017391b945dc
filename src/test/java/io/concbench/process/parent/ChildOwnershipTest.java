package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.concbench.Main;
import io.concbench.report.JsonReport;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real concbench parent with real workers. The parent is stopped with SIGKILL or SIGTERM (never SIGINT: a
 * JVM started with SIGINT ignored, as in a CI background job, passes that on to its children), and every
 * wait has a deadline on an observable event.
 */
class ChildOwnershipTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"process-pool", "fork"})
  @Timeout(120)
  void noWorkerOutlivesAParentKilledWithSigkill(String executor) throws Exception {
    Process parent = startParent(executor, dir.resolve("out.json"));
    List<ProcessHandle> workers = awaitWorkers(parent, 2);

    parent.destroyForcibly(); // SIGKILL: no shutdown hook runs; the workers must notice stdin closing

    assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();
    for (ProcessHandle worker : workers) {
      // The bound is 2 s; the deadline here is generous so a loaded CI machine cannot make it flaky.
      assertThat(worker.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get())
          .as("worker " + worker.pid() + " exited").isNotNull();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"process-pool", "fork"})
  @Timeout(120)
  void sigtermKillsTheWorkersKeepsTheReportAndExits130(String executor) throws Exception {
    Path output = dir.resolve("out.json");
    Process parent = startParent(executor, output);
    List<ProcessHandle> workers = awaitWorkers(parent, 2);

    parent.destroy(); // SIGTERM

    assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(parent.exitValue()).isEqualTo(130);
    for (ProcessHandle worker : workers) {
      assertThat(worker.isAlive()).as("worker " + worker.pid() + " alive after its parent exited").isFalse();
    }
    JsonNode report = JsonReport.mapper().readTree(Files.readString(output));
    assertThat(report.get("complete").asBoolean()).isFalse();
  }

  /** concbench running ten-minute io tasks on two workers, so it is surely mid-run when stopped. */
  private static Process startParent(String executor, Path output) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--workload", "io", "--param", "sleep-ms=600000", "--executor", executor, "--workers", "2",
        "--tasks", "4", "--runs", "1", "--warmup", "0", "--baseline", "none", "--quiet",
        "--output", output.toString()));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(new File(output + ".stderr"))
        .start();
  }

  private static List<ProcessHandle> awaitWorkers(Process parent, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> workers = WorkersOf.workers(parent.toHandle());
      if (workers.size() >= count) {
        return workers;
      }
      assertThat(parent.isAlive()).as("concbench still running while its workers start").isTrue();
      Thread.sleep(20); // polling an observable state, bounded by the deadline
    }
    throw new AssertionError("concbench did not start " + count + " workers within 60 s");
  }
}
