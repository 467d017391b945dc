package io.concbench.process.member;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of a local cluster member JVM, started by concbench's {@code cluster} executor:
 * {@code CLUSTER-NAME PORT THREADS HEARTBEAT-SECONDS MEMBER...} (every member's host:port). It prints
 * {@code ready} on stdout once it has joined, then {@code start INDEX} as tasks start when a chunk asks for
 * it (--task-timeout, see {@link TaskStarts}); everything else (Hazelcast's logging included) goes to stderr,
 * which concbench sends to a log file.
 *
 * <p>Its stdin is concbench's lifeline to it. With {@code -D}{@value #GATED}{@code =true} (every member but the
 * first) the member sets itself up at once but joins only when the line {@value #JOIN} comes: the first
 * member is up (see {@link GatedJoin}). When stdin ends (concbench closed it, or exited, even killed with -9)
 * the member halts at once.
 */
public final class MemberMain {

  /** The system property that makes a member wait for {@value #JOIN} before it joins. */
  public static final String GATED = "concbench.member.gated";
  /** The line on stdin that lets a gated member join. */
  public static final String JOIN = "join";
  /** The only argument of a member JVM run to record its classes for an archive (see {@link MemberTraining}). */
  public static final String TRAIN = MemberTraining.ARGUMENT;

  private MemberMain() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 1 && args[0].equals(TRAIN)) {
      System.exit(MemberTraining.run());
    }
    PrintStream ready = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    if (args.length < 5) {
      System.err.println("usage: MemberMain CLUSTER-NAME PORT THREADS HEARTBEAT-SECONDS MEMBER...");
      System.exit(2);
    }
    String name = args[0];
    int port = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    int heartbeat = Integer.parseInt(args[3]);
    List<String> members = Arrays.asList(args).subList(4, args.length);
    Config config = MemberConfig.of(name, "127.0.0.1", port, members, threads, heartbeat);
    quiet(config);
    GatedJoin gate = null;
    if (Boolean.getBoolean(GATED)) {
      List<String> others = new ArrayList<>(members);
      others.remove("127.0.0.1:" + port);
      gate = new GatedJoin(others);
      gate.applyTo(config);
    }
    GatedJoin joinGate = gate;
    Thread watchdog = new Thread(() -> watchStdin(System.in, joinGate), "concbench-member-stdin-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    HazelcastInstance instance = Hazelcast.newHazelcastInstance(config);
    instance.getExecutorService(MemberConfig.EXECUTOR); // created before the first chunk comes
    ready.println("ready");
    TaskStarts.to(ready);
  }

  /**
   * Hazelcast's own periodic work that a local member has no use for, off: it takes the cores the tasks are
   * timed on. Metrics are collected every 5 s and the health monitor samples the JVM (and logs "high load"
   * on 2 cores); an idle member used 260 ms of CPU in 10 s with them, 150 ms without.
   */
  static void quiet(Config config) {
    config.getMetricsConfig().setEnabled(false);
    config.setProperty("hazelcast.health.monitoring.level", "OFF");
  }

  /**
   * Reads stdin until it ends (opening {@code gate}, if any, at its {@value #JOIN} line), then halts.
   *
   * <p>Halted, not shut down: a local member has no data to hand over, its fellows are ending too, and both
   * ways of leaving measured too slow for the 2 s in which a dead concbench's members must be gone: a
   * graceful shutdown waited for the other members (to a 5 s fallback), and a terminate waited for the task
   * it was running (parent killed under load: members gone after 2.2-3.5 s with a 1 s halt fallback).
   */
  static void watchStdin(InputStream in, GatedJoin gate) {
    awaitEnd(in, gate);
    Runtime.getRuntime().halt(0);
  }

  /** Returns when {@code in} ends (or fails), having opened {@code gate} at its {@value #JOIN} line. */
  static void awaitEnd(InputStream in, GatedJoin gate) {
    try {
      BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.equals(JOIN) && gate != null) {
          gate.open();
        }
      }
    } catch (IOException e) {
      // as good as its end
    }
  }
}
