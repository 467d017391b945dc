package io.concbench.process.parent;

import io.concbench.process.member.MemberMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
  /** The member's first line ("ready"), or null if its stdout ended first: read on a thread of its own. */
  private final CompletableFuture<String> firstLine = new CompletableFuture<>();
  /** Where its later lines' task starts go (--task-timeout); null until the run asks for them. */
  private volatile IntConsumer starts;

  private LocalMember(Process process, int port, Path log, long launchedNanos) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.launchedNanos = launchedNanos;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /**
   * Reads the member's stdout on a daemon thread until it ends: the first line for {@link #awaitJoined},
   * which may then wait interruptibly (a Ctrl-C during a run's set-up must not wait for a member to start:
   * a read from a pipe cannot be interrupted), each later {@code start INDEX} for {@link #readStarts}.
   */
  private void readOutput() {
    Thread reader = new Thread(() -> {
      try {
        firstLine.complete(out.readLine());
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          IntConsumer started = starts;
          if (started != null && line.startsWith("start ")) {
            started.accept(Integer.parseInt(line.substring("start ".length())));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // the member is gone, or said something else: its death is seen by the run either way
      } finally {
        firstLine.complete(null);
      }
    }, "concbench-member-out-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  static LocalMember launch(List<String> command, int port, Path log) throws IOException {
    long launched = System.nanoTime();
    Process process = new ProcessBuilder(command)
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    ChildProcesses.add(process);
    LocalMember member = new LocalMember(process, port, log, launched);
    member.readOutput();
    return member;
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
   * anything else is killed: an IOException naming its log either way. An interrupt ends the wait (an
   * {@link InterruptedIOException}, the thread's interrupt kept).
   */
  void awaitJoined() throws IOException {
    String line;
    try {
      line = firstLine.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the member on port " + port + " started");
    } catch (ExecutionException e) {
      throw new IOException(e.getCause());
    }
    if (line == null && exitedWithin(1_000).join()) {
      throw new DiedBeforeJoining("cluster member on port " + port + " died while starting (see " + log + ")");
    }
    if (!"ready".equals(line)) {
      process.destroyForcibly();
      throw new IOException("cluster member on port " + port + " did not start (see " + log + ")");
    }
  }

  /**
   * Passes each task start the member reports from now on ({@code start INDEX} on its stdout, for
   * --task-timeout) to {@code started}, on the thread that reads its stdout, until the stdout ends.
   */
  void readStarts(IntConsumer started) {
    starts = started;
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
