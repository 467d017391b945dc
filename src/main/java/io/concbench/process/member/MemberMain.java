package io.concbench.process.member;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of a local cluster member JVM, started by concbench's {@code cluster} executor:
 * {@code CLUSTER-NAME PORT THREADS HEARTBEAT-SECONDS MEMBER...} (every member's host:port). It prints
 * {@code ready} on stdout once it has joined; everything else (Hazelcast's logging included) goes to stderr,
 * which concbench sends to a log file. When stdin ends (concbench exited, even killed with -9) it terminates,
 * and halts if that takes over {@value #HALT_AFTER_MILLIS} ms.
 */
public final class MemberMain {

  /**
   * An idle member terminates in ~0.2 s; one with a task running waits for it inside Hazelcast's terminate
   * and was measured to reach a 5 s fallback, over the 2 s by which a dead concbench's members must be gone.
   */
  static final long HALT_AFTER_MILLIS = 1_000;

  private MemberMain() {}

  public static void main(String[] args) {
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
    Thread watchdog = new Thread(() -> watchStdin(System.in), "concbench-member-stdin-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    HazelcastInstance instance = Hazelcast.newHazelcastInstance(
        MemberConfig.of(name, "127.0.0.1", port, members, threads, heartbeat));
    instance.getExecutorService(MemberConfig.EXECUTOR); // created before the first chunk comes
    ready.println("ready");
  }

  /** Reads stdin until it ends, then shuts the member down; halts if that hangs. */
  static void watchStdin(InputStream in) {
    byte[] buffer = new byte[256];
    try {
      while (in.read(buffer) >= 0) {
        // nothing is sent on stdin: it is only a lifeline
      }
    } catch (IOException e) {
      // as good as its end
    }
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(HALT_AFTER_MILLIS);
      } catch (InterruptedException e) {
        // halt now
      }
      Runtime.getRuntime().halt(0);
    }, "concbench-member-halt");
    halt.setDaemon(true);
    halt.start();
    try {
      // Terminated, not shut down gracefully: a member has no data to hand over, and a graceful shutdown
      // waited for the other members (measured: 5 s, to the halt, when all lost their parent at once).
      for (HazelcastInstance instance : Hazelcast.getAllHazelcastInstances()) {
        instance.getLifecycleService().terminate();
      }
    } finally {
      Runtime.getRuntime().halt(0);
    }
  }
}
