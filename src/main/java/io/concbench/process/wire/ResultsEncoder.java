package io.concbench.process.wire;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A RESULTS frame, encoded while its chunk's tasks run: each outcome goes into the frame's bytes as it comes,
 * with no object per task and no second pass, and the two fields known only when it is written
 * ({@code replyNanos}, {@code more}) are filled in then. The one encoding of RESULTS: {@link FrameCodec}
 * writes a {@link Frame.Results} through it too, so that both always agree (docs/protocol.md).
 *
 * <p>Why: a pool worker is a fresh JVM, and what it does per task is, at first, interpreted code, then code
 * the JIT compiles during the timed run on the cores the tasks need; the less of it there is, the less a
 * task costs to dispatch (docs/process-executors.md, per-task cost).
 */
public final class ResultsEncoder {

  /** Body offsets of the fields filled in when the frame is written: after chunk and requestNanos. */
  private static final int REPLY_NANOS_AT = 16;
  private static final int MORE_AT = 24;
  /** Where the outcomes start, after the task count. */
  private static final int OUTCOMES_AT = 29;
  /** Bytes of one outcome without an error message: index, result, computeNanos, failed. */
  static final int OUTCOME_BYTES = 21;

  private final BodyWriter body;
  private final int tasks;
  private final byte[][] payloads;
  private int outcomes;

  /** For a chunk of {@code tasks} tasks, with a payload per task if {@code payloads} is true. */
  public ResultsEncoder(long chunk, long requestNanos, int tasks, boolean payloads) {
    this.tasks = tasks;
    body = new BodyWriter(OUTCOMES_AT + OUTCOME_BYTES * tasks);
    body.writeLong(chunk);
    body.writeLong(requestNanos);
    body.writeLong(0); // replyNanos, filled in by writeTo
    body.writeBoolean(false); // more, likewise
    body.writeInt(tasks); // writeTo checks that this many outcomes came
    this.payloads = new byte[payloads ? tasks : 0][];
  }

  /** The next task's outcome; {@code error} null if it returned normally. */
  public void outcome(int index, long result, long computeNanos, String error) throws IOException {
    body.writeInt(index);
    body.writeLong(result);
    body.writeLong(computeNanos);
    body.writeBoolean(error != null);
    if (error != null) {
      body.writeUTF(FrameCodec.truncate(error));
    }
    outcomes++;
  }

  /** The result payload of the outcome given last. */
  public void payload(byte[] payload) {
    payloads[outcomes - 1] = payload;
  }

  /**
   * Writes the frame, stamped {@code replyNanos}; the caller flushes.
   *
   * @param more whether more RESULTS follow in the same write
   */
  public void writeTo(OutputStream out, long replyNanos, boolean more) throws IOException {
    if (outcomes != tasks) {
      throw new IllegalStateException(outcomes + " outcomes for a chunk of " + tasks + " tasks");
    }
    body.putLong(REPLY_NANOS_AT, replyNanos);
    body.putByte(MORE_AT, more ? 1 : 0);
    FrameCodec.writeWithPayloads(out, body, FrameCodec.RESULTS, payloads);
  }
}
