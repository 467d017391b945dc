package io.concbench.cli;

import io.concbench.plugin.Plugin;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.process.parent.ServedMember;
import io.concbench.result.Version;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code concbench member}: a long-lived cluster member for other machines' {@code run --executor cluster
 * --cluster ...} (docs/cluster.md). It starts the member JVM ({@link ServedMember}), prints one line when it
 * listens, and runs until it is stopped (Ctrl-C, SIGTERM), which stops the member.
 */
@Command(name = "member", mixinStandardHelpOptions = true, description = "Runs a long-lived cluster member for 'run --executor cluster --cluster' "
    + "on other machines (docs/cluster.md).")
final class MemberServeCommand implements Callable<Integer> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  @Spec CommandSpec spec;

  @Option(names = "--bind", required = true, paramLabel = "ADDR",
      description = "The address to listen on: this machine's address that the others reach.")
  String bind;

  @Option(names = "--port", required = true, paramLabel = "P", description = "The port to listen on.")
  int port;

  @Option(names = "--cluster-name", required = true, paramLabel = "NAME",
      description = "The cluster's name, which runs give with --cluster-name: its only credential.")
  String clusterName;

  @Option(names = "--members", split = ",", paramLabel = "HOST:PORT", converter = ProcessOptions.MemberAddress.class,
      description = "The other members, to join them. Default: none (the first member).")
  List<String> members = new ArrayList<>();

  @Option(names = "--threads", paramLabel = "N", defaultValue = "1",
      description = "Chunks it runs at once. Default: ${DEFAULT-VALUE}, as a local member.")
  int threads;

  @Option(names = "--allow-commands",
      description = "Run workloads that start commands: without it, anyone who can reach the port could run them.")
  boolean allowCommands;

  /** Parsed for help and completion; the catalog already holds the plug-ins. */
  @Mixin PluginOptions plugins;

  private final WorkloadCatalog catalog;

  MemberServeCommand(WorkloadCatalog catalog) {
    this.catalog = catalog;
  }

  /**
   * --bind as one address of this machine: Hazelcast listens on that interface alone, so the wildcard or
   * another machine's address would fail to start it, later and less clearly.
   */
  static InetAddress localAddress(String bind) {
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw UsageException.invalid("--bind", bind, "unknown host");
    }
    boolean local;
    try {
      local = !address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      local = false;
    }
    if (!local) {
      throw UsageException.invalid("--bind", bind, "not an address of this machine: give the one address that "
          + "the other machines reach (the member listens on it alone)");
    }
    return address;
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    UsageException.requireRange("--port", port, 1, 65535);
    UsageException.requireRange("--threads", threads, 1, 256);
    if (!NAME.matcher(clusterName).matches()) {
      throw UsageException.invalid("--cluster-name", clusterName, "use 1 to 64 letters, digits, '.', '_' or '-'");
    }
    InetAddress address = localAddress(bind);
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter out = spec.commandLine().getOut();
    if (!address.isLoopbackAddress()) {
      err.println("concbench member: warning: no TLS and no authentication: the cluster name is the only "
          + "credential, and whoever reaches " + bind + ":" + port + " can run tasks here; use a trusted network");
      err.flush();
    }
    Map<String, String> hashes = new TreeMap<>();
    List<Path> jars = new ArrayList<>();
    for (Plugin plugin : catalog.plugins()) {
      hashes.put(plugin.jar().getFileName().toString(), plugin.sha256());
      jars.add(plugin.jar());
    }
    Path log = Files.createTempFile("concbench-member-" + port + "-", ".log");
    ServedMember member = ServedMember.start(new ServedMember.Spec(address.getHostAddress(), port, clusterName, members, threads,
        allowCommands, Version.current(), hashes, jars), log);
    AtomicBoolean stopping = new AtomicBoolean();
    Thread stop = new Thread(() -> {
      stopping.set(true);
      member.stop();
    }, "concbench-member-stop");
    Runtime.getRuntime().addShutdownHook(stop);
    String listening = member.awaitReady();
    if (listening == null) {
      err.println("concbench member: the member did not start on " + bind + ":" + port + " (see " + log + ")");
      err.flush();
      return ExitCodes.FAILED;
    }
    out.println("concbench member: ready on " + listening + ", cluster '" + clusterName + "', " + threads
        + (threads == 1 ? " thread" : " threads") + ", plug-ins: " + (hashes.isEmpty() ? "none"
        : String.join(", ", hashes.keySet())) + ", commands " + (allowCommands ? "allowed" : "refused")
        + " (Hazelcast log: " + log + ")");
    out.flush();
    int status = member.waitFor();
    if (stopping.get()) {
      return ExitCodes.OK; // stopped (Ctrl-C, SIGTERM): the JVM's exit status says by what
    }
    err.println("concbench member: the member ended (exit " + status + "; see " + log + ")");
    err.flush();
    return ExitCodes.FAILED;
  }
}
