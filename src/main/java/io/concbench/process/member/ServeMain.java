package io.concbench.process.member;

import com.hazelcast.client.Client;
import com.hazelcast.client.ClientListener;
import com.hazelcast.client.ClientService;
import com.hazelcast.config.Config;
import com.hazelcast.config.MemberAttributeConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of a long-lived member JVM started by {@code concbench member} for other machines' runs:
 * {@code KEY=VALUE...} arguments (name, bind, port, threads, heartbeat, allow-commands, version, plugins,
 * members: a comma-separated host:port list, this member's own included). It prints {@code ready HOST:PORT}
 * on stdout once it listens; Hazelcast's logging goes to stderr, which {@code concbench member} sends to a
 * file. Its facts ({@link MemberFacts}) travel as member attributes. When stdin ends (its
 * {@code concbench member} ended, even killed with -9) it terminates, as a local member does.
 *
 * <p>A run's work is dropped when its client is gone: while no client is connected, the chunks still queued
 * fail at once instead of running (see {@link MemberKernels#orphaned}).
 */
public final class ServeMain {

  private ServeMain() {}

  public static void main(String[] args) {
    PrintStream ready = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    Map<String, String> options = parse(args);
    String bind = options.get("bind");
    int port = Integer.parseInt(options.get("port"));
    List<String> members = new ArrayList<>();
    members.add(bind + ":" + port);
    for (String member : options.getOrDefault("members", "").split(",")) {
      if (!member.isBlank() && !members.contains(member)) {
        members.add(member);
      }
    }
    boolean allowCommands = Boolean.parseBoolean(options.get("allow-commands"));
    MemberKernels.allowCommands(allowCommands);
    Thread watchdog = new Thread(() -> MemberMain.watchStdin(System.in, null), "concbench-member-stdin-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Config config = MemberConfig.of(options.get("name"), bind, port, members,
        Integer.parseInt(options.get("threads")), Integer.parseInt(options.get("heartbeat")));
    // A member or a client silent for the heartbeat timeout is gone (60 s by default for both): a dead
    // machine's member leaves the cluster, a dead client's run is dropped, within that bound (members beat
    // every second: MemberConfig).
    config.setProperty("hazelcast.client.max.no.heartbeat.seconds", options.get("heartbeat"));
    MemberAttributeConfig attributes = config.getMemberAttributeConfig();
    attributes.setAttribute(MemberFacts.PROCESSORS, Integer.toString(Runtime.getRuntime().availableProcessors()));
    attributes.setAttribute(MemberFacts.JAVA_VERSION, System.getProperty("java.version"));
    attributes.setAttribute(MemberFacts.JAVA_VENDOR, System.getProperty("java.vendor"));
    attributes.setAttribute(MemberFacts.CONCBENCH_VERSION, options.get("version"));
    attributes.setAttribute(MemberFacts.PLUGINS, options.getOrDefault("plugins", ""));
    attributes.setAttribute(MemberFacts.ALLOW_COMMANDS, Boolean.toString(allowCommands));
    HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
    watchClients(instance.getClientService());
    instance.getExecutorService(MemberConfig.EXECUTOR); // created before the first chunk comes
    ready.println("ready " + bind + ":" + port);
  }

  /** A client's death drops its run's work: chunks queued here fail at once while no client is connected. */
  private static void watchClients(ClientService clients) {
    MemberKernels.noClientNow(() -> clients.getConnectedClients().isEmpty());
    clients.addClientListener(new ClientListener() {
      @Override
      public void clientConnected(Client client) {
        MemberKernels.orphaned(false);
      }

      @Override
      public void clientDisconnected(Client client) {
        if (clients.getConnectedClients().isEmpty()) {
          MemberKernels.orphaned(true);
        }
      }
    });
  }

  static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      int equals = arg.indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("not KEY=VALUE: " + arg + " (in " + Arrays.toString(args) + ")");
      }
      options.put(arg.substring(0, equals), arg.substring(equals + 1));
    }
    return options;
  }
}
