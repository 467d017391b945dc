package io.concbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What we know about where stderr goes: progress and colour only make sense on a terminal. */
final class Terminal {

  private Terminal() {}

  /** True if standard error is a terminal. */
  static boolean stderrIsTerminal() {
    Path fd = Path.of("/proc/self/fd/2");
    if (Files.exists(fd)) {
      try {
        String target = Files.readSymbolicLink(fd).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException | UnsupportedOperationException e) {
        return false;
      }
    }
    return System.console() != null; // not Linux: the best Java can say without native code
  }

  /** Colour on a terminal unless NO_COLOR is set to anything non-empty (no-color.org). */
  static boolean colour(boolean terminal) {
    String noColor = System.getenv("NO_COLOR");
    return terminal && (noColor == null || noColor.isEmpty());
  }
}
