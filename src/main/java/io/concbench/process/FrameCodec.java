package io.concbench.process;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
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
  public static final int VERSION = 2;
  /** Largest frame accepted: a chunk of 1024 tasks with 64 KiB payloads fits. */
  public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
  public static final int MAX_TASKS_PER_FRAME = 1 << 20;
  public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;
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
  static long tasksFrameBytes(int count, int payloadBytes) {
    // length, type, chunk, sentNanos, mayHold, count, indices, payload count and size, payloads
    return 4 + 1 + 8 + 8 + 1 + 4 + 4L * count + 4 + 4 + (long) count * payloadBytes;
  }

  /**
   * Writes one frame; the caller flushes. The fields are encoded into a small buffer first, to learn the
   * frame's length; payloads, which come last, go straight to {@code out}: copying megabytes of them into a
   * growing buffer cost more than the tasks (docs/process-executors.md, payloads).
   */
  public static void write(DataOutputStream out, Frame frame) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    DataOutputStream body = new DataOutputStream(bytes);
    byte type = encode(frame, body);
    body.flush();
    byte[][] payloads = frame instanceof Frame.Tasks t ? t.payloads()
        : frame instanceof Frame.Results r ? r.payloads() : null;
    long length = bytes.size() + 1 + (payloads == null ? 0 : payloadsBytes(payloads));
    if (length > MAX_FRAME_BYTES) {
      throw new ProtocolException("frame of " + length + " bytes is over the cap of " + MAX_FRAME_BYTES
          + " (lower --chunksize or --payload-bytes)");
    }
    out.writeInt((int) length);
    out.writeByte(type);
    bytes.writeTo(out);
    if (payloads != null) {
      writePayloads(out, payloads);
    }
  }

  private static byte encode(Frame frame, DataOutputStream body) throws IOException {
    if (frame instanceof Frame.Hello h) {
      body.writeInt(h.magic());
      body.writeShort(h.version());
      body.writeLong(h.pid());
      return HELLO;
    }
    if (frame instanceof Frame.Setup s) {
      body.writeUTF(s.workload());
      body.writeShort(s.params().size());
      for (Map.Entry<String, Long> p : s.params().entrySet()) {
        body.writeUTF(p.getKey());
        body.writeLong(p.getValue());
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
    if (frame instanceof Frame.Results r) {
      body.writeLong(r.chunk());
      body.writeLong(r.requestNanos());
      body.writeLong(r.replyNanos());
      body.writeBoolean(r.more());
      body.writeInt(r.outcomes().size());
      for (Frame.TaskOutcome o : r.outcomes()) {
        body.writeInt(o.index());
        body.writeLong(o.result());
        body.writeLong(o.computeNanos());
        body.writeBoolean(o.error() != null);
        if (o.error() != null) {
          body.writeUTF(truncate(o.error()));
        }
      }
      return RESULTS; // payloads follow, written by write()
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
    body.writeLong(g.cpuNanos());
    return GOODBYE;
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

  private static void writePayloads(DataOutputStream out, byte[][] payloads) throws IOException {
    out.writeInt(payloads.length);
    out.writeInt(payloads.length == 0 ? 0 : payloads[0].length);
    for (byte[] payload : payloads) {
      out.write(payload);
    }
  }

  /**
   * Reads one frame. Throws {@link EOFException} if the stream ends cleanly before a frame starts, and
   * {@link ProtocolException} if it ends inside one or the frame is malformed.
   */
  public static Frame read(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      throw e; // the peer closed the stream between frames
    }
    if (length < 1 || length > MAX_FRAME_BYTES) {
      throw new ProtocolException("frame length " + length + " is outside 1.." + MAX_FRAME_BYTES
          + " (corrupt stream, or something other than a concbench worker wrote to it)");
    }
    byte[] bytes = new byte[length];
    try {
      in.readFully(bytes);
    } catch (EOFException e) {
      throw new ProtocolException("stream ended inside a frame of " + length + " bytes (truncated)");
    }
    DataInputStream body = new DataInputStream(new ByteArrayInputStream(bytes, 1, length - 1));
    try {
      Frame frame = decode(bytes[0], body, length - 1);
      if (body.available() != 0) {
        throw new ProtocolException("frame of type " + bytes[0] + " has " + body.available() + " unexpected "
            + "trailing bytes");
      }
      return frame;
    } catch (EOFException e) {
      throw new ProtocolException("frame of type " + bytes[0] + " is shorter than its content says (malformed)");
    }
  }

  private static Frame decode(byte type, DataInputStream body, int size) throws IOException {
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
        Map<String, Long> params = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
          params.put(body.readUTF(), body.readLong());
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
        int count = count(body, size, 21);
        List<Frame.TaskOutcome> outcomes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
          int index = body.readInt();
          long result = body.readLong();
          long compute = body.readLong();
          String error = body.readBoolean() ? body.readUTF() : null;
          outcomes.add(new Frame.TaskOutcome(index, result, compute, error));
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
        return new Frame.Goodbye(body.readLong(), body.readLong());
      default:
        throw new ProtocolException("unknown frame type " + type);
    }
  }

  /** A count read from the stream, checked against what the frame can hold before anything is allocated. */
  private static int count(DataInputStream body, int size, int minimumBytesEach) throws IOException {
    int count = body.readInt();
    if (count < 0 || count > MAX_TASKS_PER_FRAME || (long) count * minimumBytesEach > size) {
      throw new ProtocolException("task count " + count + " does not fit a frame of " + size + " bytes");
    }
    return count;
  }

  private static byte[][] readPayloads(DataInputStream body, int size) throws IOException {
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

  private static String truncate(String message) {
    return message.length() <= MAX_MESSAGE_CHARS ? message : message.substring(0, MAX_MESSAGE_CHARS) + "...";
  }
}
