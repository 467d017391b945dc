package io.concbench.process.parent;

import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import io.concbench.process.wire.ProtocolException;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One worker JVM seen from concbench: started, its handshake checked, frames sent and received, its stderr
 * drained, and killed if need be.
 */
final class WorkerProcess {

  static final long HELLO_TIMEOUT_SECONDS = 60;
  private static final byte[][] NO_PAYLOADS = new byte[0][];
  private static final java.util.concurrent.ScheduledExecutorService DEADLINES =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "concbench-worker-deadlines");
        thread.setDaemon(true);
        return thread;
      });

  private final Process process;
  private final DataOutputStream toWorker;
  private final DataInputStream fromWorker;
  private final StderrTail stderr;
  private final long spawnNanos;
  private long pid = -1;
  private long readyNanos;

  private WorkerProcess(Process process, long spawnNanos) {
    this.process = process;
    this.spawnNanos = spawnNanos;
    this.toWorker = new DataOutputStream(new BufferedOutputStream(process.getOutputStream(), 1 << 16));
    // The process's own stream, with its 8 KiB buffer, and no second buffer around it: a BufferedInputStream
    // asked for more than its buffer holds reads straight from the pipe and then asks whether more is
    // waiting, two system calls (fstat, FIONREAD) per read of a small reply, where system calls cost
    // microseconds (a virtual machine). The JDK's buffer fills with one read and serves small frames whole.
    this.fromWorker = new DataInputStream(process.getInputStream());
    this.stderr = new StderrTail(process.getErrorStream(), "concbench-worker-stderr");
  }

  static WorkerProcess start(WorkerCommand command) throws IOException {
    long spawn = System.nanoTime();
    Process process = new ProcessBuilder(command.command()).start();
    ChildProcesses.add(process);
    return new WorkerProcess(process, spawn);
  }

  /**
   * Waits for the worker's handshake; a worker that dies first, or answers with anything else, is an
   * IOException whose message says why, with its stderr.
   */
  void awaitHello() throws IOException {
    Frame first = readWithDeadline("did not start");
    if (!(first instanceof Frame.Hello hello)) {
      throw new ProtocolException("worker's first frame was " + first.getClass().getSimpleName() + ", not a handshake");
    }
    pid = hello.pid();
    readyNanos = System.nanoTime();
  }

  /** Handshake, then set-up: a ready worker; one that fails either is killed, and the IOException says why. */
  void setUp(Frame.Setup setup) throws IOException {
    try {
      awaitHello();
      send(setup);
      awaitReady();
    } catch (IOException e) {
      kill();
      throw e;
    }
  }

  /**
   * Waits for the worker's answer to the set-up (bound, warmed if asked). A worker that refuses the set-up
   * (unknown workload) or dies is an IOException whose message says why. Bounded like the handshake.
   */
  void awaitReady() throws IOException {
    Frame answer = readWithDeadline("failed during set-up");
    if (answer instanceof Frame.Failure failure) {
      throw new IOException("worker refused the set-up: " + failure.message());
    }
    if (!(answer instanceof Frame.Ready)) {
      throw new ProtocolException("worker answered the set-up with " + answer.getClass().getSimpleName());
    }
  }

  /**
   * Reads one frame, killing the worker if none comes within the deadline: a JVM that never answers (a bad
   * --jvm-arg that makes it wait, a stopped process) ends the read with an error instead of a hang.
   */
  private Frame readWithDeadline(String failure) throws IOException {
    java.util.concurrent.ScheduledFuture<?> killer = DEADLINES.schedule(process::destroyForcibly,
        HELLO_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    try {
      return FrameCodec.read(fromWorker);
    } catch (IOException e) {
      throw new IOException("worker " + failure + ": " + e.getMessage() + describeExit(), e);
    } finally {
      killer.cancel(false);
    }
  }

  /** Kills the worker after {@code nanos} unless the returned future is cancelled first. */
  java.util.concurrent.ScheduledFuture<?> killAfter(long nanos) {
    return DEADLINES.schedule(process::destroyForcibly, nanos, TimeUnit.NANOSECONDS);
  }

  /** Sends one frame and flushes. */
  synchronized void send(Frame frame) throws IOException {
    FrameCodec.write(toWorker, frame);
    toWorker.flush();
  }

  /**
   * Sends chunks as TASKS frames, in order, with one flush: one system call where they fit the buffer. Each
   * task's payload is {@code payloadBytes} bytes of its index, which the worker's reply must invert.
   */
  synchronized void send(List<Chunk> chunks, int payloadBytes) throws IOException {
    for (Chunk chunk : chunks) {
      FrameCodec.write(toWorker, new Frame.Tasks(chunk.id(), chunk.sentNanos(), chunk.mayHold(), chunk.indices(),
          payloads(chunk.indices(), payloadBytes)));
    }
    toWorker.flush();
  }

  static byte[][] payloads(int[] indices, int payloadBytes) {
    if (payloadBytes == 0) {
      return NO_PAYLOADS;
    }
    byte[][] payloads = new byte[indices.length][payloadBytes];
    for (int i = 0; i < indices.length; i++) {
      Arrays.fill(payloads[i], (byte) indices[i]);
    }
    return payloads;
  }

  Frame receive() throws IOException {
    return FrameCodec.read(fromWorker);
  }

  long pid() {
    return pid >= 0 ? pid : process.pid();
  }

  /** From spawn to the handshake. */
  long startupNanos() {
    return readyNanos - spawnNanos;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void kill() {
    process.destroyForcibly();
  }

  /** Closes stdin (the worker ends itself on that) and waits a bounded time for it to exit; then kills. */
  int awaitExit(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    return process.isAlive() ? -1 : process.exitValue();
  }

  void closeInput() {
    try {
      toWorker.close();
    } catch (IOException e) {
      // Already gone.
    }
  }

  Integer exitCodeIfDead(long waitMillis) {
    try {
      if (process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
        return process.exitValue();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  String stderrTail() {
    // Called once the worker is gone: the drainer ends at the end of the stream, at once unless the machine
    // is busy (500 ms was not always enough with two builds on two cores, nor was 2 s with three builds and
    // a benchmark: ProcessPoolFaultTest read an empty tail once). Only a dead worker waits for it.
    return stderr.tail(5_000);
  }

  private String describeExit() {
    Integer code = exitCodeIfDead(2000);
    String tail = stderrTail();
    return (code == null ? "" : " (exit code " + code + ")") + (tail.isEmpty() ? "" : "; stderr: " + tail);
  }
}
