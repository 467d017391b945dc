package io.concbench.process.wire;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * One frame's body, read off a stream: big-endian fields as {@link java.io.DataInput} reads them, from an
 * array, with no synchronized call per byte (see {@link BodyWriter} for why that matters). A frame up to
 * {@link #WINDOW_BYTES} is read whole first; a larger one (payloads) through a window of that size, each
 * payload straight into its own array: read whole, a frame of megabytes would be one more copy and, on G1, a
 * humongous array in fresh memory for every chunk.
 *
 * <p>Reads stop at the frame's end: a field that claims more than the frame holds is malformed, never read
 * from the next frame; the stream ending first is a truncated frame.
 */
final class BodyReader {

  static final int WINDOW_BYTES = 1 << 16;

  private final InputStream in;
  private final int frameLength;
  private final byte[] window;
  private int pos;
  private int limit;
  /** Bytes of the frame still in the stream, not yet in the window. */
  private long unread;
  private byte type = -1;

  /** A body of {@code length} bytes (type included) that starts at the stream's position. */
  BodyReader(InputStream in, int length) throws IOException {
    this.in = in;
    this.frameLength = length;
    this.window = new byte[Math.min(length, WINDOW_BYTES)];
    this.unread = length;
    fill(window.length);
    type = readByte();
  }

  byte type() {
    return type;
  }

  /** Bytes of the frame not read yet. */
  long remaining() {
    return limit - pos + unread;
  }

  byte readByte() throws IOException {
    need(1);
    return window[pos++];
  }

  boolean readBoolean() throws IOException {
    return readByte() != 0;
  }

  int readUnsignedShort() throws IOException {
    need(2);
    int v = (window[pos] & 0xff) << 8 | window[pos + 1] & 0xff;
    pos += 2;
    return v;
  }

  int readInt() throws IOException {
    need(4);
    int v = intAt(pos);
    pos += 4;
    return v;
  }

  long readLong() throws IOException {
    need(8);
    long v = (long) intAt(pos) << 32 | intAt(pos + 4) & 0xffffffffL;
    pos += 8;
    return v;
  }

  /** Fills {@code into} from the frame: what the window holds, the rest straight from the stream. */
  void readFully(byte[] into) throws IOException {
    readFully(into, 0);
  }

  /** Fills {@code into} from index {@code from} on. */
  private void readFully(byte[] into, int from) throws IOException {
    int length = into.length - from;
    if (length > remaining()) {
      throw malformed();
    }
    int copied = Math.min(length, limit - pos);
    System.arraycopy(window, pos, into, from, copied);
    pos += copied;
    while (copied < length) {
      int n = in.read(into, from + copied, length - copied);
      if (n < 0) {
        throw truncated();
      }
      copied += n;
      unread -= n;
    }
  }

  /** Modified UTF-8 with a two-byte length, decoded exactly as {@link DataInputStream#readUTF}. */
  String readUTF() throws IOException {
    int length = readUnsignedShort();
    byte[] prefixed = new byte[2 + length];
    prefixed[0] = (byte) (length >>> 8);
    prefixed[1] = (byte) length;
    readFully(prefixed, 2);
    try {
      return DataInputStream.readUTF(new DataInputStream(new ByteArrayInputStream(prefixed)));
    } catch (IOException e) {
      throw new ProtocolException("frame of type " + type + " has a malformed string (" + e.getMessage() + ")");
    }
  }

  private int intAt(int at) {
    return window[at] << 24 | (window[at + 1] & 0xff) << 16 | (window[at + 2] & 0xff) << 8 | window[at + 3] & 0xff;
  }

  /** Makes {@code n} bytes (at most the window's size) readable in the window, or fails. */
  private void need(int n) throws IOException {
    if (limit - pos >= n) {
      return;
    }
    if (remaining() < n) {
      throw malformed();
    }
    System.arraycopy(window, pos, window, 0, limit - pos);
    limit -= pos;
    pos = 0;
    fill(n);
  }

  /**
   * Reads from the stream into the window until it holds {@code atLeast} bytes, taking whatever more of the
   * frame has already arrived. The constructor asks for a whole window: a small frame is then read whole
   * before anything is decoded, so a truncated one is found first.
   */
  private void fill(int atLeast) throws IOException {
    int target = limit + (int) Math.min(window.length - limit, unread);
    while (limit < atLeast) {
      int n = in.read(window, limit, target - limit);
      if (n < 0) {
        throw truncated();
      }
      limit += n;
      unread -= n;
    }
  }

  private ProtocolException truncated() {
    return new ProtocolException("stream ended inside a frame of " + frameLength + " bytes (truncated)");
  }

  private ProtocolException malformed() {
    return new ProtocolException("frame of type " + type + " is shorter than its content says (malformed)");
  }
}
