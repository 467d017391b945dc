package io.concbench.process.wire;

import io.concbench.executor.ProcessSettings;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads {@link Frame}s: a 4-byte big-endian length (of what follows), a 1-byte type, the body
 * (DataOutput encodings). Every length and count is checked before anything is allocated, so a corrupt or
 * hostile stream gives a {@link ProtocolException} with a clear message, never a hang or an
 * OutOfMemoryError. No Java serialization.
 */
public final class FrameCodec {

  public static final int MAGIC = 0x434E4342; // "CNCB"
  public static final int VERSION = 4;
  /** Largest frame accepted: a chunk of 1024 tasks with 64 KiB payloads fits. */
  public static final int MAX_FRAME_BYTES = ProcessSettings.MAX_FRAME_BYTES;
  public static final int MAX_TASKS_PER_FRAME = ProcessSettings.MAX_TASKS_PER_FRAME;
  public static final int MAX_PAYLOAD_BYTES = ProcessSettings.MAX_PAYLOAD_BYTES;
  static final int MAX_MESSAGE_CHARS = 4000;

  static final byte HELLO = 1;
  static final byte SETUP = 2;
  static final byte TASKS = 3;
  static final byte RESULTS = 4;
  static final byte STARTED = 5;
  static final byte FAILURE = 6;
  static final byte GOODBYE = 7;
  static final byte READY = 8;

  private FrameCodec() {}

  /** The bytes a TASKS frame of {@code count} tasks takes on the wire, its length and type included. */
  public static long tasksFrameBytes(int count, int payloadBytes) {
    // length, type, chunk, sentNanos, mayHold, count, indices, payload count and size, payloads
    return 4 + 1 + 8 + 8 + 1 + 4 + 4L * count + 4 + 4 + (long) count * payloadBytes;
  }

  /**
   * Writes one frame; the caller flushes. The fields are encoded into a {@link BodyWriter} first, to learn the
   * frame's length, and go out in one call; payloads, which come last, go straight to {@code out}: copying
   * megabytes of them into a growing buffer cost more than the tasks (docs/process-executors.md, payloads).
   */
  public static void write(OutputStream out, Frame frame) throws IOException {
    if (frame instanceof Frame.Results r) {
      ResultsEncoder results = new ResultsEncoder(r.chunk(), r.requestNanos(), r.outcomes().size(),
          r.payloads().length > 0);
      for (int i = 0; i < r.outcomes().size(); i++) {
        Frame.TaskOutcome o = r.outcomes().get(i);
        results.outcome(o.index(), o.result(), o.computeNanos(), o.error());
        if (r.payloads().length > 0) {
          results.payload(r.payloads()[i]);
        }
      }
      results.writeTo(out, r.replyNanos(), r.more());
      return;
    }
    BodyWriter body = new BodyWriter(expectedBodyBytes(frame));
    byte type = encode(frame, body);
    writeWithPayloads(out, body, type, frame instanceof Frame.Tasks t ? t.payloads() : null);
  }

  /** A frame whose fields are in {@code body}, followed by {@code payloads} unless null. */
  static void writeWithPayloads(OutputStream out, BodyWriter body, byte type, byte[][] payloads)
      throws IOException {
    long length = 1 + body.bodyBytes() + (payloads == null ? 0 : payloadsBytes(payloads));
    if (length > MAX_FRAME_BYTES) {
      throw new ProtocolException("frame of " + length + " bytes is over the cap of " + MAX_FRAME_BYTES
          + " (lower --chunksize or --payload-bytes)");
    }
    body.writeTo(out, length, type);
    if (payloads != null) {
      writePayloads(out, payloads);
    }
  }

  /** About what a frame's fields take, so that its body is allocated once. */
  private static int expectedBodyBytes(Frame frame) {
    if (frame instanceof Frame.Tasks t) {
      return 32 + 4 * t.indices().length;
    }
    return 64;
  }

  private static byte encode(Frame frame, BodyWriter body) throws IOException {
    if (frame instanceof Frame.Hello h) {
      body.writeInt(h.magic());
      body.writeShort(h.version());
      body.writeLong(h.pid());
      return HELLO;
    }
    if (frame instanceof Frame.Setup s) {
      body.writeUTF(s.workload());
      body.writeShort(s.params().size());
      for (Map.Entry<String, String> p : s.params().entrySet()) {
        body.writeUTF(p.getKey());
        body.writeUTF(p.getValue());
      }
      body.writeInt(s.payloadBytes());
      body.writeBoolean(s.reportStarts());
      body.writeBoolean(s.warmUp());
      return SETUP;
    }
    if (frame instanceof Frame.Ready r) {
      body.writeLong(r.warmUpNanos());
      return READY;
    }
    if (frame instanceof Frame.Tasks t) {
      body.writeLong(t.chunk());
      body.writeLong(t.sentNanos());
      body.writeBoolean(t.mayHold());
      body.writeInt(t.indices().length);
      for (int index : t.indices()) {
        body.writeInt(index);
      }
      return TASKS; // payloads follow, written by write()
    }
    if (frame instanceof Frame.Started s) {
      body.writeInt(s.index());
      body.writeLong(s.startNanos());
      return STARTED;
    }
    if (frame instanceof Frame.Failure f) {
      body.writeUTF(truncate(f.message()));
      return FAILURE;
    }
    Frame.Goodbye g = (Frame.Goodbye) frame;
    body.writeLong(g.tasksDone());
    body.writeLong(g.userNanos());
    body.writeLong(g.systemNanos());
    return GOODBYE;
  }

  /** One task's outcome: a method of its own, called once per task (see worker.WorkerSession.runTask). */
  private static Frame.TaskOutcome readOutcome(BodyReader body) throws IOException {
    int index = body.readInt();
    long result = body.readLong();
    long compute = body.readLong();
    String error = body.readBoolean() ? body.readUTF() : null;
    return new Frame.TaskOutcome(index, result, compute, error);
  }

  /** The bytes {@code payloads} take in a frame; checks they have one size, as the encoding needs. */
  private static long payloadsBytes(byte[][] payloads) throws ProtocolException {
    int size = payloads.length == 0 ? 0 : payloads[0].length;
    for (byte[] payload : payloads) {
      if (payload.length != size) {
        throw new ProtocolException("payloads of one frame must have one size");
      }
    }
    return 4 + 4 + (long) payloads.length * size;
  }

  private static void writePayloads(OutputStream out, byte[][] payloads) throws IOException {
    BodyWriter sizes = new BodyWriter(8);
    sizes.writeInt(payloads.length);
    sizes.writeInt(payloads.length == 0 ? 0 : payloads[0].length);
    sizes.writeBodyTo(out);
    for (byte[] payload : payloads) {
      out.write(payload);
    }
  }

  /**
   * Reads one frame. Throws {@link EOFException} if the stream ends cleanly before a frame starts, and
   * {@link ProtocolException} if it ends inside one or the frame is malformed.
   */
  public static Frame read(InputStream in) throws IOException {
    int length = readLength(in);
    if (length < 1 || length > MAX_FRAME_BYTES) {
      throw new ProtocolException("frame length " + length + " is outside 1.." + MAX_FRAME_BYTES
          + " (corrupt stream, or something other than a concbench worker wrote to it)");
    }
    BodyReader body = new BodyReader(in, length);
    Frame frame = decode(body.type(), body, length - 1);
    if (body.remaining() != 0) {
      throw new ProtocolException("frame of type " + body.type() + " has " + body.remaining()
          + " unexpected trailing bytes");
    }
    return frame;
  }

  /**
   * The 4-byte length that starts a frame. EOFException if the stream ends inside it, as DataInput's readInt
   * says: a stream that ends there was closed (its writer died), not fed a malformed frame.
   */
  private static int readLength(InputStream in) throws IOException {
    int length = 0;
    for (int i = 0; i < 4; i++) {
      int b = in.read();
      if (b < 0) {
        throw new EOFException();
      }
      length = length << 8 | b;
    }
    return length;
  }

  private static Frame decode(byte type, BodyReader body, int size) throws IOException {
    switch (type) {
      case HELLO: {
        int magic = body.readInt();
        if (magic != MAGIC) {
          throw new ProtocolException(String.format("bad magic number 0x%08x in handshake (expected 0x%08x)",
              magic, MAGIC));
        }
        int version = body.readUnsignedShort();
        if (version != VERSION) {
          throw new ProtocolException("worker speaks protocol version " + version + ", this concbench speaks "
              + VERSION + " (mixed installations?)");
        }
        return new Frame.Hello(magic, version, body.readLong());
      }
      case SETUP: {
        String workload = body.readUTF();
        int count = body.readUnsignedShort();
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          params.put(body.readUTF(), body.readUTF());
        }
        int payloadBytes = body.readInt();
        if (payloadBytes < 0 || payloadBytes > MAX_PAYLOAD_BYTES) {
          throw new ProtocolException("payload size " + payloadBytes + " is outside 0.." + MAX_PAYLOAD_BYTES);
        }
        return new Frame.Setup(workload, params, payloadBytes, body.readBoolean(), body.readBoolean());
      }
      case TASKS: {
        long chunk = body.readLong();
        long sent = body.readLong();
        boolean mayHold = body.readBoolean();
        int count = count(body, size, 4);
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
          indices[i] = body.readInt();
        }
        return new Frame.Tasks(chunk, sent, mayHold, indices, readPayloads(body, size));
      }
      case RESULTS: {
        long chunk = body.readLong();
        long request = body.readLong();
        long reply = body.readLong();
        boolean more = body.readBoolean();
        int count = count(body, size, ResultsEncoder.OUTCOME_BYTES);
        List<Frame.TaskOutcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          outcomes.add(readOutcome(body));
        }
        return new Frame.Results(chunk, request, reply, more, outcomes, readPayloads(body, size));
      }
      case READY:
        return new Frame.Ready(body.readLong());
      case STARTED:
        return new Frame.Started(body.readInt(), body.readLong());
      case FAILURE:
        return new Frame.Failure(body.readUTF());
      case GOODBYE:
        return new Frame.Goodbye(body.readLong(), body.readLong(), body.readLong());
      default:
        throw new ProtocolException("unknown frame type " + type);
    }
  }

  /** A count read from the stream, checked against what the frame can hold before anything is allocated. */
  private static int count(BodyReader body, int size, int minimumBytesEach) throws IOException {
    int count = body.readInt();
    if (count < 0 || count > MAX_TASKS_PER_FRAME || (long) count * minimumBytesEach > size) {
      throw new ProtocolException("task count " + count + " does not fit a frame of " + size + " bytes");
    }
    return count;
  }

  private static byte[][] readPayloads(BodyReader body, int size) throws IOException {
    int count = body.readInt();
    int each = body.readInt();
    if (count < 0 || each < 0 || each > MAX_PAYLOAD_BYTES || (long) count * each > size) {
      throw new ProtocolException("payloads of " + count + " x " + each + " bytes do not fit a frame of " + size
          + " bytes");
    }
    byte[][] payloads = new byte[count][];
    for (int i = 0; i < count; i++) {
      payloads[i] = new byte[each];
      body.readFully(payloads[i]);
    }
    return payloads;
  }

  static String truncate(String message) {
    return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
