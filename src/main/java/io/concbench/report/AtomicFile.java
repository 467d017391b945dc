package io.concbench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;

/**
 * Writes a file so that a reader, or a crash at any moment, sees either the old content or the new one,
 * never half of it: the text goes to a temporary file in the same directory, which is then renamed.
 */
public final class AtomicFile {

  private static final SecureRandom RANDOM = new SecureRandom();

  private AtomicFile() {}

  public static void write(Path target, String content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    // Not Files.createTempFile: its 0600 mode would end up on the user's file; this one honours the umask.
    Path temporary = directory.resolve(
        "." + absolute.getFileName() + "." + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".tmp");
    try {
      Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /**
   * Why {@code target} could not be written, or null if it can: checked before any work starts, so that a
   * long benchmark does not end in a lost result.
   */
  public static String problemWriting(Path target) {
    Path absolute = target.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory == null || !Files.isDirectory(directory)) {
      return "directory " + directory + " does not exist";
    }
    if (Files.isDirectory(absolute)) {
      return "it is a directory";
    }
    if (!Files.isWritable(directory)) {
      return "directory " + directory + " is not writable";
    }
    if (Files.exists(absolute) && !Files.isWritable(absolute)) {
      return "the file is not writable";
    }
    return null;
  }
}
