package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.plugin.PluginJars;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code concbench member} processes on free ports of 127.0.0.1 stand in for two machines, started with
 * a plug-in jar: a run with --cluster uses both and reports both; a run whose plug-in jar of the same name
 * differs is refused before anything runs, naming the member. The members end on SIGTERM, and are killed
 * in {@link #stopMembers} whatever happened.
 */
@Timeout(120)
class RemoteClusterTest {

  private static final String NAME = "concbench-test-remote";
  private static final List<Process> MEMBERS = new ArrayList<>();
  private static final List<String> ADDRESSES = new ArrayList<>();
  private static final List<Path> LOGS = new ArrayList<>();

  @TempDir static Path dir;
  private static Path jar;

  @BeforeAll
  static void startTwoMembers() throws Exception {
    jar = PluginJars.jar(Files.createDirectories(dir.resolve("members")), "main.jar", "Echo");
    int first = freePort();
    int second = freePort();
    ADDRESSES.add("127.0.0.1:" + first);
    ADDRESSES.add("127.0.0.1:" + second);
    startMember(first, List.of());
    startMember(second, List.of("--members", ADDRESSES.get(0)));
  }

  private static void startMember(int port, List<String> extra) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.concbench.Main", "member", "--bind", "127.0.0.1",
        "--port", Integer.toString(port), "--cluster-name", NAME, "--plugin", jar.toString()));
    command.addAll(extra);
    Process member = new ProcessBuilder(command).redirectError(dir.resolve("member-" + port + ".err").toFile())
        .start();
    MEMBERS.add(member);
    BufferedReader out = new BufferedReader(new InputStreamReader(member.getInputStream(), StandardCharsets.UTF_8));
    String ready = CompletableFuture.supplyAsync(() -> {
      try {
        return out.readLine();
      } catch (IOException e) {
        return null;
      }
    }).get(60, TimeUnit.SECONDS);
    assertThat(ready).startsWith("concbench member: ready on 127.0.0.1:" + port + ", cluster '" + NAME
        + "', 1 thread, plug-ins: main.jar, commands refused (Hazelcast log: ");
    LOGS.add(Path.of(ready.substring(ready.indexOf("(Hazelcast log: ") + 16, ready.length() - 1)));
  }

  @AfterAll
  static void stopMembers() throws Exception {
    for (Process member : MEMBERS) {
      member.destroy(); // SIGTERM: concbench member stops its member JVM
    }
    List<ProcessHandle> memberJvms = new ArrayList<>();
    for (Process member : MEMBERS) {
      memberJvms.addAll(member.descendants().toList());
    }
    boolean allEnded = true;
    for (Process member : MEMBERS) {
      allEnded &= member.waitFor(15, TimeUnit.SECONDS);
      member.destroyForcibly();
    }
    for (ProcessHandle jvm : memberJvms) {
      allEnded &= jvm.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get() != null || !jvm.isAlive();
      jvm.destroyForcibly();
    }
    for (Path log : LOGS) {
      Files.deleteIfExists(log); // concbench member keeps its log: a test's would pile up in $TMPDIR
    }
    assertThat(allEnded).as("every member ended on SIGTERM").isTrue();
  }

  @Test
  void aRunOnTheClusterUsesBothMembersAndReportsThem() throws Exception {
    Path output = dir.resolve("remote.json");

    Outcome outcome = CommandRunner.run("run", "--workload", "echo", "--executor", "cluster", "--cluster",
        String.join(",", ADDRESSES), "--cluster-name", NAME, "--plugin", jar.toString(), "--tasks", "400",
        "--runs", "1", "--warmup", "0", "--baseline", "none", "--capacity", "off", "--quiet",
        "--output", output.toString());

    assertThat(outcome.status()).as(outcome.err()).isZero();
    JsonNode result = new ObjectMapper().readTree(output.toFile()).get("results").get(0);
    assertThat(result.get("workers").asInt()).isEqualTo(2);
    JsonNode members = result.get("members");
    assertThat(members).hasSize(2);
    long tasks = 0;
    for (int i = 0; i < 2; i++) {
      assertThat(members.get(i).get("member").asText()).isEqualTo(ADDRESSES.get(i));
      assertThat(members.get(i).get("processors").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(members.get(i).get("jdk").asText()).startsWith(System.getProperty("java.version") + " (");
      tasks += members.get(i).get("tasks").asLong();
    }
    assertThat(tasks).isEqualTo(400);
    assertThat(result.get("failed_tasks").asLong()).isZero();
  }

  @Test
  void aMemberWithAnotherPluginJarIsRefusedBeforeAnythingRuns() throws Exception {
    Path other = PluginJars.jar(Files.createDirectories(dir.resolve("parent")), "main.jar", "Echo", "Flaky");
    Path output = dir.resolve("refused.json");

    Outcome outcome = CommandRunner.run("run", "--workload", "echo", "--executor", "cluster", "--cluster",
        String.join(",", ADDRESSES), "--cluster-name", NAME, "--plugin", other.toString(), "--tasks", "40",
        "--runs", "1", "--warmup", "0", "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("concbench run: member " + ADDRESSES.get(0) + " differs: plug-in "
        + "main.jar sha256 ").contains(" here, sha256 ", " there").doesNotContain("Exception");
    assertThat(outcome.out()).isEmpty();
    assertThat(Files.exists(output)).isFalse();
  }

  @Test
  void theMembersSurviveAParentKilledMidRunAndServeTheNextRun() throws Exception {
    long authenticatedBefore = authentications(LOGS.get(0));
    Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.concbench.Main", "run", "--workload", "io",
        "--param", "sleep-ms=200", "--tasks", "400", "--executor", "cluster", "--cluster",
        String.join(",", ADDRESSES), "--cluster-name", NAME, "--plugin", jar.toString(), "--runs", "1",
        "--warmup", "0", "--baseline", "none", "--capacity", "off", "--quiet")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try {
      // Its second client (the first only checks the members) is the run's: then its chunks are under way.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (authentications(LOGS.get(0)) < authenticatedBefore + 2 && System.nanoTime() < deadline
          && parent.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(parent.isAlive()).as("the parent was still running").isTrue();
      Thread.sleep(1_000);
    } finally {
      parent.destroyForcibly(); // kill -9
      parent.waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(MEMBERS).allSatisfy(member -> assertThat(member.isAlive()).isTrue());
    // A member drops a dead run's chunks once it has seen its client go with no other client connected:
    // wait for that, or the next run would wait for the dead run's chunks (docs/cluster.md).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    for (Path log : LOGS) {
      while (count(log, "Destroying ClientEndpoint") < count(log, "Received auth from")
          && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    aRunOnTheClusterUsesBothMembersAndReportsThem();
  }

  /** How many clients the member has authenticated so far, as its Hazelcast log says. */
  private static long authentications(Path log) throws IOException {
    return count(log, "Received auth from");
  }

  private static long count(Path log, String text) throws IOException {
    try (var lines = Files.lines(log)) {
      return lines.filter(line -> line.contains(text)).count();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
