package io.concbench.process.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UTFDataFormatException;
import java.util.Arrays;

/**
 * A frame's fields, big-endian as {@link java.io.DataOutput} writes them, into one growable array that goes
 * to the stream in one call. Not a DataOutputStream over a ByteArrayOutputStream: there every field is one
 * to four synchronized calls, and a chunk's results are thousands of fields, written in a fresh worker JVM
 * whose code is not compiled yet (docs/process-executors.md, per-task cost).
 */
final class BodyWriter {

  /** Bytes kept free at the front for the frame's length and type, so that the whole frame is one write. */
  static final int HEADER_BYTES = 5;

  private byte[] bytes;
  private int size = HEADER_BYTES;

  BodyWriter(int expectedBytes) {
    bytes = new byte[Math.max(16, HEADER_BYTES + expectedBytes)];
  }

  void writeByte(int v) {
    ensure(1);
    bytes[size++] = (byte) v;
  }

  void writeBoolean(boolean v) {
    writeByte(v ? 1 : 0);
  }

  void writeShort(int v) {
    ensure(2);
    bytes[size++] = (byte) (v >>> 8);
    bytes[size++] = (byte) v;
  }

  void writeInt(int v) {
    ensure(4);
    putInt(size, v);
    size += 4;
  }

  void writeLong(long v) {
    ensure(8);
    putInt(size, (int) (v >>> 32));
    putInt(size + 4, (int) v);
    size += 8;
  }

  /** Modified UTF-8 with a two-byte length, exactly as {@link java.io.DataOutput#writeUTF}. */
  void writeUTF(String s) throws UTFDataFormatException {
    int length = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c >= 1 && c <= 0x7f ? 1 : c <= 0x7ff ? 2 : 3;
    }
    if (length > 0xffff) {
      throw new UTFDataFormatException("string of " + length + " bytes is too long for writeUTF");
    }
    writeShort(length);
    ensure(length);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 1 && c <= 0x7f) {
        bytes[size++] = (byte) c;
      } else if (c <= 0x7ff) {
        bytes[size++] = (byte) (0xc0 | c >> 6);
        bytes[size++] = (byte) (0x80 | c & 0x3f);
      } else {
        bytes[size++] = (byte) (0xe0 | c >> 12);
        bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
        bytes[size++] = (byte) (0x80 | c & 0x3f);
      }
    }
  }

  // Fields written earlier, rewritten by their offset in the body (for ResultsEncoder).

  void putByte(int bodyOffset, int v) {
    bytes[HEADER_BYTES + bodyOffset] = (byte) v;
  }

  void putLong(int bodyOffset, long v) {
    putInt(HEADER_BYTES + bodyOffset, (int) (v >>> 32));
    putInt(HEADER_BYTES + bodyOffset + 4, (int) v);
  }

  /** The body's bytes so far, the header's room not counted. */
  int bodyBytes() {
    return size - HEADER_BYTES;
  }

  /** Fills in the header (the frame's whole length after it, and the type) and writes header and body. */
  void writeTo(OutputStream out, long frameLength, byte type) throws IOException {
    putInt(0, (int) frameLength);
    bytes[4] = type;
    out.write(bytes, 0, size);
  }

  /** Writes the body alone, for fields that follow a frame's first part. */
  void writeBodyTo(OutputStream out) throws IOException {
    out.write(bytes, HEADER_BYTES, size - HEADER_BYTES);
  }

  private void putInt(int at, int v) {
    bytes[at] = (byte) (v >>> 24);
    bytes[at + 1] = (byte) (v >>> 16);
    bytes[at + 2] = (byte) (v >>> 8);
    bytes[at + 3] = (byte) v;
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(size + more, 2 * bytes.length));
    }
  }
}
