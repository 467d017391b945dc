package io.concbench.result;

import io.concbench.digest.Sha256;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The SHA-256 of the jar concbench's classes are loaded from: which build measured a report, where the
 * version alone does not say (every build of a -SNAPSHOT carries the same one). Read once per JVM, a few
 * milliseconds for the jar of concbench's own classes.
 */
public final class ConcbenchJar {

  private static volatile Optional<String> sha256;

  private ConcbenchJar() {}

  /** This concbench's jar's SHA-256, or empty when it runs from a class directory (tests, an IDE). */
  public static Optional<String> sha256() {
    Optional<String> known = sha256;
    if (known == null) {
      known = location().flatMap(ConcbenchJar::hash);
      sha256 = known;
    }
    return known;
  }

  private static Optional<Path> location() {
    try {
      var source = ConcbenchJar.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return Optional.empty();
      }
      Path path = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The SHA-256 of a file, lowercase hex; empty if it cannot be read. */
  public static Optional<String> hash(Path file) {
    try {
      return Optional.of(Sha256.of(file));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
