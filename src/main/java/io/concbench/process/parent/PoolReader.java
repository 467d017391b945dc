package io.concbench.process.parent;

import io.concbench.process.wire.Frame;
import io.concbench.process.wire.ProtocolException;
import java.io.IOException;

/**
 * A pool worker's reader thread: takes the worker's frames as they come and hands them to its run, until
 * its output ends; then says why it ended. One per worker, so that a death is seen at once (its stream
 * ends) and a reply is read without waiting for another worker's.
 */
final class PoolReader implements Runnable {

  /** What the run does with a worker's frames; called on the reader's thread. */
  interface Run {
    void replied(WorkerSlot<ProcessLink> slot, Frame.Results results, long lookedNanos, long arrivedNanos);

    void started(WorkerSlot<ProcessLink> slot, int index, long startNanos);

    /** The worker is gone (its goodbye aside, when it was asked to leave). */
    void died(WorkerSlot<ProcessLink> slot, WorkerProcess worker, String reason);
  }

  private final WorkerSlot<ProcessLink> slot;
  private final WorkerProcess worker;
  private final Run run;

  private PoolReader(WorkerSlot<ProcessLink> slot, Run run) {
    this.slot = slot;
    this.worker = slot.link().process();
    this.run = run;
  }

  /** Starts reading a ready worker's output in a daemon thread. */
  static void start(WorkerSlot<ProcessLink> slot, Run run) {
    PoolReader reader = new PoolReader(slot, run);
    Thread thread = new Thread(reader, "concbench-pool-reader-" + reader.worker.pid());
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void run() {
    String reason;
    try {
      while (true) {
        long looked = System.nanoTime();
        Frame frame = worker.receive();
        long arrived = System.nanoTime();
        if (frame instanceof Frame.Results results) {
          run.replied(slot, results, looked, arrived);
        } else if (frame instanceof Frame.Started started) {
          run.started(slot, started.index(), started.startNanos());
        } else if (frame instanceof Frame.Goodbye && slot.leaving()) {
          return;
        } else if (frame instanceof Frame.Failure failure) {
          reason = "worker gave up: " + failure.message();
          break;
        } else {
          worker.kill();
          reason = "unexpected " + frame.getClass().getSimpleName() + " frame";
          break;
        }
      }
    } catch (ProtocolException e) {
      worker.kill();
      reason = "protocol error: " + e.getMessage();
    } catch (IOException e) {
      reason = "worker's output ended (the process died)";
    }
    run.died(slot, worker, reason);
  }
}
