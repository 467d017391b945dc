package io.concbench.process.parent;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * JVM options that only some JDKs take, for the JVMs concbench starts: which JDK a java binary belongs to
 * (its {@code release} file), and the option that keeps JDK 23 and later from warning when Hazelcast uses
 * {@code sun.misc.Unsafe}, which JDK 17 to 22 refuse ("Unrecognized option": the JVM does not start). A
 * JDK-specific option goes only to a java whose version is known to take it.
 */
public final class JdkFlags {

  /** Without it JDK 24 and later print a four-line warning when Hazelcast calls sun.misc.Unsafe (23 takes it). */
  public static final String UNSAFE_ACCESS = "--sun-misc-unsafe-memory-access=allow";
  /** The first JDK that takes {@link #UNSAFE_ACCESS}. */
  public static final int UNSAFE_ACCESS_FROM_FEATURE = 23;
  private static final String UNSAFE_ACCESS_OPTION = "--sun-misc-unsafe-memory-access";

  private JdkFlags() {}

  /**
   * This JVM's {@code options} as they are to be given to a java of JDK {@code feature} (empty: not known):
   * any {@code --sun-misc-unsafe-memory-access} dropped where it is not known to be taken, and
   * {@link #UNSAFE_ACCESS} added where it is and none is given (a user's own value is kept).
   */
  public static List<String> forJava(List<String> options, OptionalInt feature) {
    boolean takes = feature.isPresent() && feature.getAsInt() >= UNSAFE_ACCESS_FROM_FEATURE;
    List<String> adjusted = new ArrayList<>();
    boolean given = false;
    for (String option : options) {
      if (isUnsafeAccess(option)) {
        if (!takes) {
          continue;
        }
        given = true;
      }
      adjusted.add(option);
    }
    if (takes && !given) {
      adjusted.add(0, UNSAFE_ACCESS);
    }
    return List.copyOf(adjusted);
  }

  private static boolean isUnsafeAccess(String option) {
    return option.equals(UNSAFE_ACCESS_OPTION) || option.startsWith(UNSAFE_ACCESS_OPTION + "=");
  }

  /**
   * The feature version of the JDK a java binary belongs to (a path, or a name looked up on the PATH), from the
   * {@code release} file of its home ({@code bin/..}, symbolic links followed: /usr/bin/java is usually one);
   * empty if that cannot be read.
   */
  public static OptionalInt featureOf(String java) {
    try {
      Path binary = locate(java);
      if (binary == null) {
        return OptionalInt.empty();
      }
      Path home = binary.toRealPath().getParent().getParent();
      for (String line : Files.readAllLines(home.resolve("release"), StandardCharsets.UTF_8)) {
        if (line.startsWith("JAVA_VERSION=")) {
          return OptionalInt.of(featureOfVersion(line.substring("JAVA_VERSION=".length()).replace("\"", "")));
        }
      }
    } catch (IOException | RuntimeException e) {
      // unknown
    }
    return OptionalInt.empty();
  }

  /** A path as given, or a bare name looked up on the PATH as a shell would; null if not found. */
  private static Path locate(String java) {
    if (java.contains("/")) {
      return Path.of(java);
    }
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, java);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  /** 17 of "17.0.15", 25 of "25", 8 of "1.8.0_392". */
  public static int featureOfVersion(String version) {
    String[] parts = version.split("[.+_-]");
    int first = Integer.parseInt(parts[0]);
    return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
  }
}
