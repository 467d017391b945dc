package io.concbench.process.parent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a child's stderr continuously (a full pipe would block the child) and keeps its last few KiB for
 * error messages.
 */
final class StderrTail {

  static final int KEEP_BYTES = 4096;

  private final byte[] ring = new byte[KEEP_BYTES];
  private long written;
  private final Thread drainer;

  StderrTail(InputStream stderr, String name) {
    drainer = new Thread(() -> drain(stderr), name);
    drainer.setDaemon(true);
    drainer.start();
  }

  private void drain(InputStream stderr) {
    byte[] buffer = new byte[1024];
    try (stderr) {
      int n;
      while ((n = stderr.read(buffer)) > 0) {
        synchronized (this) {
          for (int i = 0; i < n; i++) {
            ring[(int) (written++ % KEEP_BYTES)] = buffer[i];
          }
        }
      }
    } catch (IOException e) {
      // The child is gone; what was read is kept.
    }
  }

  /** The last bytes written, waiting up to {@code millis} for the child's final writes to be drained. */
  String tail(long millis) {
    try {
      drainer.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      int size = (int) Math.min(written, KEEP_BYTES);
      byte[] last = new byte[size];
      for (int i = 0; i < size; i++) {
        last[i] = ring[(int) ((written - size + i) % KEEP_BYTES)];
      }
      return new String(last, StandardCharsets.UTF_8).strip();
    }
  }
}
