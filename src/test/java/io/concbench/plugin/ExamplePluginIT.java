package io.concbench.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.digest.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/plugin, built by {@code mvn verify} just before this runs, through the packaged concbench.jar as a
 * user runs it: both workloads on single, thread-pool and process-pool, verified and recorded; then again on
 * process-pool, whose workers must start from the class-data archive the first run cached for the plug-in.
 * Small sizes (a task takes a millisecond or two): this checks that the plug-in works, it measures nothing.
 */
@Timeout(240)
class ExamplePluginIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theExamplePluginRunsVerifiedOnThreadsAndWorkerJvmsAndItsWorkersReuseTheCache() throws Exception {
    Path jar = Path.of(System.getProperty("example.plugin.jar"));
    Path cache = dir.resolve("cache");
    Path report = dir.resolve("report.json");

    Run first = concbench(cache, "run", "--plugin", jar.toString(), "--workload", "log-regex,service-call",
        "--executor", "single,thread-pool,process-pool", "--workers", "2", "--tasks", "4",
        "--param", "lines=2000", "--param", "latency=5ms", "--param", "records=200",
        "--runs", "1", "--warmup", "0", "--capacity", "off", "--quiet", "--format", "json",
        "--output", report.toString());

    assertThat(first.status()).as(first.err()).isZero();
    JsonNode root = JSON.readTree(report.toFile());
    List<String> measured = new ArrayList<>();
    for (JsonNode result : root.get("results")) {
      measured.add(result.get("workload").asText() + " on " + result.get("executor").asText());
      assertThat(result.get("failed_tasks").asInt()).isZero();
      assertThat(result.get("unverified_tasks").asInt()).isZero();
    }
    assertThat(measured).containsExactly("log-regex on single", "log-regex on thread-pool",
        "log-regex on process-pool", "service-call on single", "service-call on thread-pool",
        "service-call on process-pool");
    JsonNode plugin = root.at("/environment/plugins/0");
    assertThat(plugin.get("name").asText()).isEqualTo("concbench-example-plugin");
    assertThat(plugin.get("version").asText()).isEqualTo("1.0.0");
    assertThat(plugin.get("sha256").asText()).isEqualTo(Sha256.of(jar));
    Set<String> cached = entries(cache);
    assertThat(cached).anyMatch(name -> name.startsWith("worker-plugin-"))
        .anyMatch(name -> name.endsWith(".jsa"));

    // -Xshare:on: a worker that cannot map its archive refuses to start, so a second run that passes and
    // adds nothing to the cache ran its workers from the archive the first run made.
    Run second = concbench(cache, "run", "--plugin", jar.toString(), "--workload", "log-regex",
        "--executor", "process-pool", "--baseline", "none", "--workers", "2", "--tasks", "4",
        "--param", "lines=2000", "--runs", "1", "--warmup", "0", "--quiet", "--jvm-arg", "-Xshare:on");

    assertThat(second.status()).as(second.err()).isZero();
    assertThat(entries(cache)).isEqualTo(cached);
  }

  private record Run(int status, String err) {}

  private Run concbench(Path cache, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("concbench.jar")));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile());
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    builder.environment().remove("CONCBENCH_PLUGINS");
    Process process = builder.start();
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("concbench " + String.join(" ", args) + " did not end within 180 s");
    }
    return new Run(process.exitValue(), Files.readString(dir.resolve("stderr.txt")));
  }

  private static Set<String> entries(Path cache) throws IOException {
    try (Stream<Path> listing = Files.list(cache.resolve("concbench"))) {
      return listing.map(p -> p.getFileName().toString()).collect(TreeSet::new, Set::add, Set::addAll);
    }
  }
}
