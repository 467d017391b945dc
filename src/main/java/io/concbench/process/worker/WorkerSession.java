package io.concbench.process.worker;

import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import io.concbench.process.wire.FrameInput;
import io.concbench.process.wire.ResultsEncoder;
import io.concbench.system.ProcessCpu;
import io.concbench.workload.WorkloadRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A worker's side of the protocol: handshake, set-up, then chunks of tasks until goodbye. One thread reads a
 * chunk straight off stdin, runs it and writes the results: handing frames from a reader thread to a
 * compute thread cost a thread wake-up per chunk, tens of microseconds on a small VM, which is most of the
 * cost of sending tiny tasks one by one (docs/process-executors.md).
 *
 * <p>When stdin ends without a goodbye the parent is gone (killed, even with -9): between tasks the worker
 * sees that at once, and mid-task a {@link ParentWatch} sees the parent's death within
 * {@value ParentWatch#INTERVAL_MILLIS} ms; either way the worker ends, so no orphan outlives it.
 */
final class WorkerSession {

  /** Exit statuses of a worker. */
  static final int OK = 0;
  static final int BAD_SETUP = 3;
  static final int BROKEN_STREAM = 4;

  /**
   * A reply is held back, to go out in one write with the next ones, only while chunks that are already
   * buffered take less than {@value #QUICK_CHUNK_NANOS} ns each, and never longer than
   * {@value #HOLD_NANOS} ns: for tiny tasks, a system call per reply costs more than the task.
   */
  static final long HOLD_NANOS = 200_000;
  static final long QUICK_CHUNK_NANOS = 25_000;
  /** Made-up tasks through the codec before READY: enough for its per-task methods to reach C2. */
  static final int DISPATCH_WARM_UP_TASKS = 20_000;

  private final FrameInput buffered;
  private final DataInputStream in;
  /** Chunks' results not yet written. */
  private final List<ResultsEncoder> held = new ArrayList<>();
  private long heldSince;
  private final DataOutputStream out;
  private final Runnable parentGone;
  private long tasksDone;

  /**
   * @param parentGone what to do when stdin ends without a goodbye or the parent dies mid-task (halt, in a
   *     real worker; in a test, it may return, and the session then ends)
   */
  WorkerSession(FrameInput in, DataOutputStream out, Runnable parentGone) {
    this.buffered = in;
    this.in = new DataInputStream(in);
    this.out = out;
    this.parentGone = parentGone;
  }

  int run() {
    try {
      send(new Frame.Hello(FrameCodec.MAGIC, FrameCodec.VERSION, OwnPid.get()));
      Frame first;
      try {
        first = FrameCodec.read(in);
      } catch (EOFException e) {
        return OK; // the parent closed the stream before set-up: nothing to do
      }
      if (first instanceof Frame.Goodbye) {
        send(new Frame.Goodbye(0, -1, -1));
        return OK;
      }
      if (!(first instanceof Frame.Setup setup)) {
        send(new Frame.Failure("expected a set-up frame, got " + first.getClass().getSimpleName()));
        return BROKEN_STREAM;
      }
      TaskKernel kernel;
      try {
        kernel = bind(setup);
      } catch (IllegalArgumentException e) {
        send(new Frame.Failure(e.getMessage()));
        return BAD_SETUP;
      }
      Thread watch = ParentWatch.start(parentGone);
      try {
        long warmUp = 0;
        if (setup.warmUp()) {
          long start = System.nanoTime();
          // The dispatch path first: C2 compiles it in the background while the kernel warms, instead of
          // after READY, on the cores the timed tasks need.
          warmUpDispatch();
          kernel.warmUp();
          warmUp = System.nanoTime() - start;
        }
        send(new Frame.Ready(warmUp));
        return serve(kernel, setup);
      } finally {
        if (watch != null) {
          watch.interrupt();
        }
      }
    } catch (IOException e) {
      System.err.println("concbench worker: " + e.getMessage());
      return BROKEN_STREAM;
    }
  }

  /** Plain loops, not streams and lambdas: this runs in every fresh worker JVM (see WorkerMain.HaltNow). */
  private static TaskKernel bind(Frame.Setup setup) {
    Workload workload = null;
    for (Workload candidate : WorkloadRegistry.all()) {
      if (candidate.name().equals(setup.workload())) {
        workload = candidate;
      }
    }
    if (workload == null) {
      workload = PluginWorkloads.find(setup.workload());
    }
    if (workload == null) {
      throw new IllegalArgumentException("unknown workload '" + setup.workload() + "'");
    }
    ParamValues values = ParamValues.resolve(workload, setup.params());
    try {
      return workload.bind(values);
    } catch (RuntimeException | LinkageError e) {
      // A plug-in's bind is the plug-in's code: what it threw goes to the parent, class and message.
      throw new IllegalArgumentException("workload '" + setup.workload() + "' could not be bound: " + e);
    }
  }

  private int serve(TaskKernel kernel, Frame.Setup setup) throws IOException {
    SoloTaskContext context = new SoloTaskContext();
    while (true) {
      if (!held.isEmpty() && !buffered.hasWholeFrame()) {
        writeHeld(); // before a read that may wait
      }
      long looked = System.nanoTime();
      Frame frame;
      try {
        frame = FrameCodec.read(in);
      } catch (EOFException e) {
        parentGone.run();
        return OK; // only in a test, where parentGone returns: nobody is left to answer
      }
      long received = System.nanoTime();
      if (frame instanceof Frame.Goodbye) {
        writeHeld();
        send(goodbye());
        return OK;
      }
      if (!(frame instanceof Frame.Tasks tasks)) {
        writeHeld();
        send(new Frame.Failure("unexpected frame " + frame.getClass().getSimpleName()));
        return BROKEN_STREAM;
      }
      if (!tasks.mayHold()) {
        writeHeld(); // so that, should this chunk kill the worker, the parent knows it was the one running
      }
      // The request's transit: from when it was sent, or when this worker turned to read it if the chunk
      // was already waiting, until it was read; the time it waited behind the previous chunk is not transit.
      long requestNanos = received - Math.max(tasks.sentNanos(), looked);
      int[] indices = tasks.indices();
      boolean payloads = tasks.payloads().length > 0;
      ResultsEncoder reply = new ResultsEncoder(tasks.chunk(), requestNanos, indices.length, payloads);
      for (int i = 0; i < indices.length; i++) {
        runTask(kernel, context, indices[i], setup.reportStarts(), reply);
        if (payloads) {
          reply.payload(echo(tasks.payloads()[i]));
        }
      }
      tasksDone += indices.length;
      if (held.isEmpty()) {
        heldSince = System.nanoTime();
      }
      held.add(reply);
      long now = System.nanoTime();
      boolean hold = tasks.mayHold() && !setup.reportStarts() && now - received < QUICK_CHUNK_NANOS
          && now - heldSince < HOLD_NANOS && buffered.hasWholeFrame();
      if (!hold) {
        writeHeld();
      }
    }
  }

  /**
   * Brings the worker's own per-task path to compiled code before it says READY: the decoding of a TASKS
   * frame and the encoding of each outcome into RESULTS, on {@value #DISPATCH_WARM_UP_TASKS} made-up tasks
   * (the kernel is not run; warming it is the workload's job). A fresh JVM otherwise interprets this path
   * and compiles it during the first timed chunks, on the cores the tasks need: it cost a tiny task about
   * 0.4 µs more (docs/process-executors.md, per-task cost). {@link #runTask} itself is left out: the
   * profile of its call to the kernel must be the real kernel's.
   */
  static void warmUpDispatch() throws IOException {
    int[] indices = new int[1000];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = i;
    }
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    FrameCodec.write(request, new Frame.Tasks(0, 0, false, indices, new byte[0][]));
    byte[] bytes = request.toByteArray();
    for (int round = 0; round < DISPATCH_WARM_UP_TASKS / indices.length; round++) {
      Frame.Tasks tasks = (Frame.Tasks) FrameCodec.read(new ByteArrayInputStream(bytes));
      ResultsEncoder reply = new ResultsEncoder(round, 0, tasks.indices().length, false);
      for (int index : tasks.indices()) {
        reply.outcome(index, index, index, null);
      }
      reply.writeTo(OutputStream.nullOutputStream(), 0, false);
    }
  }

  /**
   * One task, timed, its outcome encoded into the chunk's reply. A method of its own because it runs once
   * per task: the JIT compiles it after a few hundred calls, while the body of a loop in a method called
   * once per chunk stays interpreted until on-stack replacement, tens of thousands of iterations later. A
   * fresh worker's first tasks are what a run measures (docs/process-executors.md, per-task cost).
   */
  private void runTask(TaskKernel kernel, TaskContext context, int index, boolean reportStart,
      ResultsEncoder reply) throws IOException {
    long start = System.nanoTime();
    if (reportStart) {
      send(new Frame.Started(index, start));
    }
    long result = 0;
    String error = null;
    try {
      result = kernel.run(index, context);
    } catch (Throwable t) { // a failing task is an outcome to report, not the end of the worker
      error = t.toString();
    }
    reply.outcome(index, result, System.nanoTime() - start, error);
  }

  /**
   * Writes the held replies with one flush, stamped now (a reply's transit starts when it is written), each
   * but the last saying that more follow in the same write.
   */
  private void writeHeld() throws IOException {
    if (held.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (int i = 0; i < held.size(); i++) {
      held.get(i).writeTo(out, now, i < held.size() - 1);
    }
    out.flush();
    held.clear();
  }

  /**
   * The goodbye: tasks done and this JVM's CPU time so far, all threads, user and kernel, from /proc/self/stat
   * (-1 where the OS does not say). Not ProcessHandle: its first use sets up the process-reaper machinery,
   * about 40 ms of CPU that every `fork` child paid at its exit.
   */
  private Frame.Goodbye goodbye() {
    Optional<ProcessCpu> cpu = ProcessCpu.self(); // no lambda: see WorkerMain.HaltNow
    return cpu.isPresent() ? new Frame.Goodbye(tasksDone, cpu.get().userNanos(), cpu.get().systemNanos())
        : new Frame.Goodbye(tasksDone, -1, -1);
  }

  /** The result payload: the argument's bytes, read and written back, as a function's result would be. */
  private static byte[] echo(byte[] payload) {
    byte[] reply = new byte[payload.length];
    for (int i = 0; i < payload.length; i++) {
      reply[i] = (byte) ~payload[i];
    }
    return reply;
  }

  private void send(Frame frame) throws IOException {
    FrameCodec.write(out, frame);
    out.flush();
  }
}
