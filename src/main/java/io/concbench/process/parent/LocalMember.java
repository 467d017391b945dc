package io.concbench.process.parent;

import io.concbench.process.member.MemberMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * A cluster member JVM this concbench started on 127.0.0.1 and owns: its stdin a pipe that carries at most
 * the word that lets it join (when concbench dies, even with -9, the pipe ends and the member halts), its
 * stdout the one line that says it has joined, its stderr (Hazelcast's logging) a file.
 */
final class LocalMember {

  private final Process process;
  private final int port;
  private final Path log;
  private final long launchedNanos;
  private final BufferedReader out;

  private LocalMember(Process process, int port, Path log, long launchedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedNanos = launchedNanos;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static LocalMember launch(List<String> command, int port, Path log) throws IOException {
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    ChildProcesses.add(process);
    return new LocalMember(process, port, log, launched);
  }

  /** A port free on 127.0.0.1 now (the member binds it a moment later: a race, lost rarely). */
  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** The member died before it said it had joined. */
  static final class DiedBeforeJoining extends IOException {
    DiedBeforeJoining(String message) {
      super(message);
    }
  }

  /**
   * Waits for the member's "ready"; one that dies first is a {@link DiedBeforeJoining}, one that says
   * anything else is killed: an IOException naming its log either way.
   */
  void awaitJoined() throws IOException {
    String line = out.readLine();
    if (line == null && exitedWithin(1_000).join()) {
      throw new DiedBeforeJoining("cluster member on port " + port + " died while starting (see " + log + ")");
    }
    if (!"ready".equals(line)) {
      process.destroyForcibly();
      throw new IOException("cluster member on port " + port + " did not start (see " + log + ")");
    }
  }

  /**
   * Passes each task start the member reports ({@code start INDEX} on its stdout, for --task-timeout) to
   * {@code started}, on a daemon thread of its own, until the member's stdout ends.
   */
  void readStarts(IntConsumer started) {
    Thread reader = new Thread(() -> {
      try {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          if (line.startsWith("start ")) {
            started.accept(Integer.parseInt(line.substring("start ".length())));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // the member is gone, or said something else: its death is seen by the run either way
      }
    }, "concbench-member-starts-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  Path log() {
    return log;
  }

  long launchedNanos() {
    return launchedNanos;
  }

  boolean alive() {
    return process.isAlive();
  }

  void kill() {
    process.destroyForcibly();
  }

  /** Calls {@code exited} with its exit status when it has exited (at once if it has), on another thread. */
  void onExit(IntConsumer exited) {
    process.onExit().thenAccept(gone -> exited.accept(gone.exitValue()));
  }

  /**
   * Completes with true once it has exited, or with false if it still runs after {@code millis}: a failed
   * submission may come a moment before the exit of the member that caused it.
   */
  CompletableFuture<Boolean> exitedWithin(long millis) {
    return process.onExit().thenApply(gone -> true).completeOnTimeout(false, millis, TimeUnit.MILLISECONDS);
  }

  /** Lets a gated member join (see process.member.GatedJoin): the first member is up. */
  void join() throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((MemberMain.JOIN + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  /** Closes its stdin: it shuts down (see process.member.MemberMain). */
  void release() {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      process.destroyForcibly();
    }
  }

  /** Waits up to {@code millis} for it to exit, then kills it. */
  void awaitExit(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
