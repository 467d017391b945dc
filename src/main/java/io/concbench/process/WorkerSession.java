package io.concbench.process;

import io.concbench.workload.ParamValues;
import io.concbench.workload.TaskContext;
import io.concbench.workload.TaskKernel;
import io.concbench.workload.Workload;
import io.concbench.workload.WorkloadRegistry;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A worker's side of the protocol: handshake, set-up, then chunks of tasks until goodbye. A reader thread
 * takes frames off stdin as they arrive, stamping their arrival, so the parent can tell time spent in the
 * pipe from time spent queued behind the previous chunk. When stdin ends without a goodbye the parent is
 * gone (killed, even with -9): the worker ends at once, mid-task if need be, so no orphan outlives it.
 */
final class WorkerSession {

  /** Exit statuses of a worker. */
  static final int OK = 0;
  static final int BAD_SETUP = 3;
  static final int BROKEN_STREAM = 4;

  private record Arrival(Frame frame, long nanos) {}

  private final DataInputStream in;
  private final DataOutputStream out;
  private final Runnable parentGone;
  private final BlockingQueue<Arrival> arrivals = new LinkedBlockingQueue<>();
  private long tasksDone;

  /**
   * @param parentGone what to do when stdin ends without a goodbye (halt, in a real worker)
   */
  WorkerSession(DataInputStream in, DataOutputStream out, Runnable parentGone) {
    this.in = in;
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
        send(new Frame.Goodbye(0, -1));
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
      long warmUp = 0;
      if (setup.warmUp()) {
        long start = System.nanoTime();
        kernel.warmUp();
        warmUp = System.nanoTime() - start;
      }
      send(new Frame.Ready(warmUp));
      startReader();
      return serve(kernel, setup);
    } catch (IOException e) {
      System.err.println("concbench worker: " + e.getMessage());
      return BROKEN_STREAM;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
      throw new IllegalArgumentException("unknown workload '" + setup.workload() + "'");
    }
    for (String key : setup.params().keySet()) {
      if (!workload.takesParam(key)) {
        throw new IllegalArgumentException("workload " + workload.name() + " has no parameter '" + key + "'");
      }
    }
    return workload.bind(ParamValues.of(setup.params()));
  }

  private void startReader() {
    Thread reader = new Thread(new Reader(), "concbench-worker-stdin");
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads frames as they arrive (a named class: no lambda on a worker's start-up path). */
  private final class Reader implements Runnable {
    @Override
    public void run() {
      try {
        while (true) {
          Frame frame = FrameCodec.read(in);
          arrivals.add(new Arrival(frame, System.nanoTime()));
          if (frame instanceof Frame.Goodbye) {
            return;
          }
        }
      } catch (EOFException e) {
        parentGone.run();
      } catch (IOException e) {
        System.err.println("concbench worker: " + e.getMessage());
        parentGone.run();
      } catch (Throwable t) {
        // Without this thread the worker can only wait forever: end it, so the parent sees it die.
        System.err.println("concbench worker: reading frames failed: " + t);
        Runtime.getRuntime().halt(BROKEN_STREAM);
      }
    }
  }

  private int serve(TaskKernel kernel, Frame.Setup setup) throws IOException, InterruptedException {
    LocalContext context = new LocalContext();
    while (true) {
      Arrival arrival = arrivals.take();
      if (arrival.frame() instanceof Frame.Goodbye) {
        send(new Frame.Goodbye(tasksDone, ownCpuNanos()));
        return OK;
      }
      if (!(arrival.frame() instanceof Frame.Tasks tasks)) {
        send(new Frame.Failure("unexpected frame " + arrival.frame().getClass().getSimpleName()));
        return BROKEN_STREAM;
      }
      List<Frame.TaskOutcome> outcomes = new ArrayList<>(tasks.indices().length);
      byte[][] replies = new byte[tasks.payloads().length][];
      for (int i = 0; i < tasks.indices().length; i++) {
        int index = tasks.indices()[i];
        long start = System.nanoTime();
        if (setup.reportStarts()) {
          send(new Frame.Started(index, start));
        }
        long result = 0;
        String error = null;
        try {
          result = kernel.run(index, context);
        } catch (Throwable t) { // a failing task is an outcome to report, not the end of the worker
          error = t.toString();
        }
        outcomes.add(new Frame.TaskOutcome(index, result, System.nanoTime() - start, error));
        if (replies.length > 0) {
          replies[i] = echo(tasks.payloads()[i]);
        }
        tasksDone++;
      }
      FrameCodec.write(out, new Frame.Results(tasks.chunk(), arrival.nanos(), System.nanoTime(), outcomes, replies));
      out.flush();
    }
  }

  /** This JVM's CPU time so far, all threads, or -1 where the OS does not say. */
  private static long ownCpuNanos() {
    return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
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

  /** A worker runs one task at a time: checkpoints cost nothing, the counter is its own. */
  private static final class LocalContext implements TaskContext {
    private long counter;

    @Override
    public void checkpoint() {}

    @Override
    public void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }

    @Override
    public void increment() {
      counter++;
    }
  }
}
