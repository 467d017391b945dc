package io.concbench.process.wire;

import java.io.BufferedInputStream;
import java.io.InputStream;

/**
 * A worker's buffered stdin that can tell, without a system call, whether a whole frame is already in its
 * buffer: then the worker may run that chunk before writing the results of the previous one, and write both
 * with one system call (see worker.WorkerSession).
 */
public final class FrameInput extends BufferedInputStream {

  public FrameInput(InputStream in) {
    super(in, 1 << 16);
  }

  /** Whether the next frame is wholly buffered, so that reading it cannot block. */
  public synchronized boolean hasWholeFrame() {
    int buffered = count - pos;
    if (buf == null || buffered < 4) {
      return false;
    }
    int length = (buf[pos] & 0xff) << 24 | (buf[pos + 1] & 0xff) << 16 | (buf[pos + 2] & 0xff) << 8
        | buf[pos + 3] & 0xff;
    return length > 0 && buffered - 4 >= length;
  }
}
