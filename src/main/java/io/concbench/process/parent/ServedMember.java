package io.concbench.process.parent;

import io.concbench.process.member.ServeMain;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The member JVM of {@code concbench member}: started as a local member is (the same java, class path with
 * the plug-ins, fork-join parallelism, JDK flags and loop compilation, so that a task runs the same code as
 * on a local member), but listening on the given address, long-lived, with its facts as member attributes
 * ({@link ServeMain}). Its stdin is a pipe from {@code concbench member}: when that ends, even killed with
 * -9, the member ends too. Its stderr, Hazelcast's logging, goes to a file.
 */
public final class ServedMember {

  /** How long a member told to stop may take before it is killed. */
  static final long STOP_WAIT_MILLIS = 3_000;

  private final Process process;

  private ServedMember(Process process) {
    this.process = process;
  }

  /**
   * What the member is to be.
   *
   * @param members the other members' host:port (this one's is added)
   * @param plugins plug-in jar file name to SHA-256, as it reports them
   * @param pluginJars the jars, on its class path
   */
  public record Spec(String bind, int port, String clusterName, List<String> members, int threads,
      boolean allowCommands, String concbenchVersion, Map<String, String> plugins, List<Path> pluginJars) {}

  /** Starts it; its Hazelcast logging to {@code log}. */
  public static ServedMember start(Spec spec, Path log) throws IOException {
    Process process = new ProcessBuilder(command(spec))
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new ServedMember(process);
  }

  static List<String> command(Spec spec) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError",
        MemberCommand.FORK_JOIN_PARALLELISM));
    command.addAll(MemberCommand.jdkFlags(Runtime.version().feature()));
    command.addAll(LoopCompilation.ofThisJvm());
    StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
    for (Path jar : spec.pluginJars()) {
      classPath.append(File.pathSeparator).append(jar.toAbsolutePath());
    }
    command.add("-cp");
    command.add(classPath.toString());
    command.add(ServeMain.class.getName());
    command.add("name=" + spec.clusterName());
    command.add("bind=" + spec.bind());
    command.add("port=" + spec.port());
    command.add("threads=" + spec.threads());
    command.add("heartbeat=" + RemoteMembers.HEARTBEAT_SECONDS);
    command.add("allow-commands=" + spec.allowCommands());
    command.add("version=" + spec.concbenchVersion());
    command.add("plugins=" + MemberHandshake.pluginsAttribute(spec.plugins()));
    command.add("members=" + String.join(",", spec.members()));
    return command;
  }

  /** Waits until it listens: its "host:port", or null when it ended first (its log says why). */
  public String awaitReady() throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("ready ")) {
      process.destroyForcibly();
      return null;
    }
    return line.substring("ready ".length());
  }

  /** Waits for it to end; its exit status. */
  public int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  /** Closes its stdin (it terminates itself), then kills it if it is still there after a few seconds. */
  public void stop() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
