package io.concbench.workload.command;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The last lines of what a command wrote to its standard error, kept in a file while it ran. */
final class StderrTail {

  static final int MAX_LINES = 5;
  static final int MAX_BYTES = 2048;

  private StderrTail() {}

  /** At most the last {@value #MAX_LINES} lines of the file and {@value #MAX_BYTES} bytes; null if empty. */
  static String of(Path file) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length();
      int size = (int) Math.min(length, MAX_BYTES);
      byte[] bytes = new byte[size];
      in.seek(length - size);
      in.readFully(bytes);
      return lastLines(new String(bytes, StandardCharsets.UTF_8));
    }
  }

  static String lastLines(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return null;
    }
    int start = trimmed.length();
    for (int lines = 0; lines < MAX_LINES && start > 0; lines++) {
      start = trimmed.lastIndexOf('\n', start - 1);
      if (start < 0) {
        start = 0;
        break;
      }
    }
    return trimmed.substring(start == 0 ? 0 : start + 1);
  }
}
