package io.concbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/python-baseline writes concbench/1 reports that `concbench report` and `compare` set beside the
 * JVM's: its output must validate against the shipped schema and read back as a report. Runs the script for
 * real, on tiny work (about a second); skipped where no python3 is on the PATH.
 */
class PythonBaselineContractTest {

  @Test
  void itsReportValidatesAgainstTheSchemaAndReadsBack(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("python3"), "python3 is not on the PATH");
    Path out = dir.resolve("py.json");
    Path log = dir.resolve("stderr.txt");
    Process script = new ProcessBuilder("python3", "scripts/python-baseline", "--workload", "cpu,tiny,counter",
        "--executor", "py-single,py-thread-pool,py-thread-per-task,py-pool-map,py-process-pool-executor,py-process",
        "--workers", "2", "--chunksize", "3", "--param", "n=1000",
        "--param", "increments=1000", "--tasks", "20", "--runs", "2", "--warmup", "0", "--output", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(log.toFile())
        .start();
    script.getOutputStream().close();
    boolean ended = script.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      script.destroyForcibly();
    }
    assertThat(ended).as("python-baseline ended within 60 s").isTrue();
    assertThat(script.exitValue()).as(Files.readString(log)).isZero();

    SchemaValidation.assertValid(Files.readString(out));
    Report report = ReportReader.read(out);
    assertThat(report.results()).extracting(r -> r.benchmarkCase().workload()).contains("cpu", "tiny", "counter");
    Result pool = report.results().stream().filter(r -> r.benchmarkCase().workload().equals("cpu")
        && r.benchmarkCase().executor().equals("py-pool-map")).findFirst().orElseThrow();
    assertThat(pool.comparison().baseline()).isEqualTo("py-single");
    assertThat(pool.comparison().speedup()).isPositive();
    assertThat(pool.comparison().taskTimeVsBaseline()).isPositive();
    assertThat(pool.timing().wallMs().samples()).hasSize(2);
  }

  private static boolean onPath(String command) {
    String path = System.getenv("PATH");
    return path != null && List.of(path.split(File.pathSeparator)).stream()
        .anyMatch(d -> Files.isExecutable(Path.of(d, command)));
  }
}
