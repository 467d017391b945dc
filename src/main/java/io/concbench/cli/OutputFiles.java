package io.concbench.cli;

import io.concbench.report.AtomicFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Files that commands write for the user: checked before any work, written atomically. */
final class OutputFiles {

  private OutputFiles() {}

  /** A one-line usage error naming the option and the path, if the path cannot be written. */
  static void requireWritable(String option, String value, Path file) {
    String problem = AtomicFile.problemWriting(file);
    if (problem != null) {
      throw new UsageException("invalid value for " + option + ": '" + value + "' (" + problem + ")");
    }
  }

  static void write(Path file, String text) {
    try {
      AtomicFile.write(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
