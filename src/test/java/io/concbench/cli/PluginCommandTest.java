package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.engine.Cancellation;
import io.concbench.plugin.PluginJars;
import io.concbench.result.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** --plugin and CONCBENCH_PLUGINS on the command line: listed, run, recorded, and every bad jar refused. */
class PluginCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void listShowsAPluginsWorkloadsWithTheirParametersAndWhereTheyCameFrom() {
    Path jar = PluginJars.jar(dir, "good.jar", "Echo");

    CommandRunner.Outcome outcome = CommandRunner.run("list", "--plugin", jar.toString());

    assertThat(outcome.status()).isZero();
    assertThat(outcome.out()).contains("  echo             a test plug-in's workload")
        .contains("from plug-in fixture-plugin 1.2.3 (" + jar.toAbsolutePath() + ")")
        .contains("n=10  a number (1 to 1000)");
  }

  @Test
  void aPluginsWorkloadRunsInProcessTakesParamsAndTheReportRecordsThePlugin() throws Exception {
    Path jar = PluginJars.jar(dir, "good.jar", "Echo");
    Path report = dir.resolve("report.json");

    CommandRunner.Outcome outcome = CommandRunner.runWithPluginsVariable(new Cancellation(), jar.toString(),
        "run", "--workload", "echo", "--executor", "thread-pool", "--workers", "2", "--param", "n=7",
        "--runs", "1", "--warmup", "0", "--capacity", "off", "--quiet", "--output", report.toString());

    assertThat(outcome.status()).as(outcome.err()).isZero();
    SchemaValidation.assertValid(Files.readString(report));
    JsonNode root = JSON.readTree(report.toFile());
    assertThat(root.at("/results/0/workload").asText()).isEqualTo("echo");
    assertThat(root.at("/results/1/params/n").asInt()).isEqualTo(7);
    assertThat(root.at("/results/1/unverified_tasks").asInt()).isZero();
    JsonNode plugin = root.at("/environment/plugins/0");
    assertThat(plugin.get("path").asText()).isEqualTo(jar.toAbsolutePath().toString());
    assertThat(plugin.get("sha256").asText()).hasSize(64);
    assertThat(plugin.get("name").asText()).isEqualTo("fixture-plugin");
    assertThat(plugin.get("version").asText()).isEqualTo("1.2.3");
  }

  @Test
  void matrixSweepsAPluginsParameterAndCompareReportAndExportsTakeItsResultsAsAnyOther() throws Exception {
    Path jar = PluginJars.jar(dir, "good.jar", "Echo");
    Path report = dir.resolve("matrix.json");
    Path html = dir.resolve("matrix.html");

    CommandRunner.Outcome matrix = CommandRunner.run("matrix", "--plugin", jar.toString(), "--workload", "echo",
        "--executor", "thread-pool", "--workers", "1,2", "--param", "n=3,5", "--runs", "2", "--warmup", "0",
        "--capacity", "off", "--quiet", "--output", report.toString(), "--export", "html=" + html);
    CommandRunner.Outcome compare = CommandRunner.run("compare", report.toString(), report.toString(),
        "--format", "markdown", "--allow-unjudged"); // 2 runs a side: too few to judge, not to read
    CommandRunner.Outcome markdown = CommandRunner.run("report", report.toString(), "--format", "markdown");

    assertThat(matrix.status()).as(matrix.err()).isZero();
    assertThat(JSON.readTree(report.toFile()).get("results").size()).isEqualTo(2 + 4); // a baseline per n
    assertThat(Files.readString(html)).contains("echo");
    assertThat(compare.status()).as(compare.err()).isZero();
    assertThat(compare.out()).contains("echo");
    assertThat(markdown.status()).isZero();
    assertThat(markdown.out()).contains("| echo ");
  }

  @Test
  void aPluginTaskThatThrowsInAWorkerJvmIsAFailureWithItsClassAndMessage() throws Exception {
    Path jar = PluginJars.jar(dir, "flaky.jar", "Flaky");
    Path report = dir.resolve("report.json");

    CommandRunner.Outcome outcome = CommandRunner.run("run", "--plugin", jar.toString(), "--workload", "flaky",
        "--executor", "process-pool,fork", "--baseline", "none", "--workers", "2", "--tasks", "3", "--runs", "1",
        "--warmup", "0", "--capacity", "off", "--quiet", "--output", report.toString());

    assertThat(outcome.status()).as(outcome.err()).isEqualTo(ExitCodes.FAILED);
    JsonNode root = JSON.readTree(report.toFile());
    for (JsonNode result : root.get("results")) {
      assertThat(result.get("failed_tasks").asInt()).as(result.get("executor").asText()).isEqualTo(1);
      assertThat(result.at("/failures/0/task").asInt()).isEqualTo(1);
      assertThat(result.at("/failures/0/reason").asText())
          .contains("java.lang.IllegalStateException: task 1 broke");
    }
  }

  static Stream<Arguments> badPlugins() {
    return Stream.of(
        Arguments.of("missing", "(no such file)"),
        Arguments.of("text", "(not a jar ("),
        Arguments.of("empty", "(no workload inside (the jar has no META-INF/services/io.concbench.api.Workload))"),
        Arguments.of("Broken", "(Provider fixture.Broken could not be constructed: "
            + "java.lang.IllegalStateException: no config)"),
        Arguments.of("Future", "(fixture.Future was built for concbench API 99, this concbench provides API 1"),
        Arguments.of("Builtin", "(its workload 'cpu' has the name of a built-in workload)"),
        Arguments.of("twice", "(its workload 'echo' has the name of a workload of "));
  }

  @ParameterizedTest
  @MethodSource("badPlugins")
  void aPluginThatCannotLoadIsOneLineExitTwoNothingRunNoFileWritten(String kind, String reason) throws Exception {
    Path jar = badJar(kind);
    Path report = dir.resolve("report.json");
    Path export = dir.resolve("report.csv");

    CommandRunner.Outcome outcome = CommandRunner.run("run", "--plugin", dir.resolve("first.jar").toString(),
        "--plugin", jar.toString(), "--workload", "cpu", "--executor", "single", "--param", "n=1000",
        "--output", report.toString(), "--export", "csv=" + export);

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err().lines()).singleElement().asString()
        .startsWith("concbench run: invalid value for --plugin: '" + jar + "' ")
        .contains(reason)
        .doesNotContain("Exception:\n", "\tat ");
    assertThat(report).doesNotExist();
    assertThat(export).doesNotExist();
  }

  @Test
  void aBadJarInTheVariableIsNamedWithTheVariable() {
    Path missing = dir.resolve("gone.jar");

    CommandRunner.Outcome outcome = CommandRunner.runWithPluginsVariable(new Cancellation(), missing.toString(), "list");

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().strip())
        .isEqualTo("concbench list: invalid value for CONCBENCH_PLUGINS: '" + missing + "' (no such file)");
  }

  @Test
  void theTopLevelDebugOptionBeforeTheCommandChangesNothing() {
    Path jar = PluginJars.jar(dir, "good.jar", "Echo");

    CommandRunner.Outcome outcome = CommandRunner.run("--debug", "run", "--workload", "echo", "--plugin",
        jar.toString(), "--executor", "single", "--runs", "1", "--warmup", "0", "--quiet");

    assertThat(outcome.status()).as(outcome.err()).isZero();
    assertThat(outcome.out()).contains("echo ");
  }

  @Test
  void commandsThatNameNoWorkloadIgnoreTheVariable() {
    CommandRunner.Outcome outcome = CommandRunner.runWithPluginsVariable(new Cancellation(), dir.resolve("gone.jar").toString(),
        "system", "--help");

    assertThat(outcome.status()).isZero();
  }

  private Path badJar(String kind) throws Exception {
    PluginJars.jar(dir, "first.jar", "Echo");
    return switch (kind) {
      case "missing" -> dir.resolve("missing.jar");
      case "text" -> Files.writeString(dir.resolve("text.jar"), "not a zip");
      case "empty" -> PluginJars.withServiceFile(dir, "empty.jar", null, "Echo");
      case "twice" -> PluginJars.jar(dir, "again.jar", "Echo");
      default -> PluginJars.jar(dir, kind.toLowerCase() + ".jar", kind);
    };
  }
}
