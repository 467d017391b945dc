package io.concbench.cli;

import io.concbench.process.parent.WorkerCache;
import io.concbench.result.EnvironmentProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A static application class-data sharing archive (AppCDS) for the concbench JVMs that concbench itself starts
 * to run {@code concbench run}: {@code ab}'s sides and {@code compare --confirm}'s re-run. Such a JVM spends
 * most of its fixed cost loading and verifying picocli, Jackson and commons-math from jars; mapped from an
 * archive, those classes come pre-parsed and pre-verified (docs/ab.md has the figures).
 *
 * <p>Made on first use under the cache directory, once per java, class path and JVM options (an archive
 * matches only the configuration it was dumped with): a training run records the classes a small {@code run}
 * loads ({@code -XX:DumpLoadedClassList}), {@code -Xshare:dump} archives them with the class path's own classes,
 * a {@code -Xshare:on} start checks that the JVM maps it, and only then is it moved into place, atomically.
 * If any step fails, the child runs as before, without it. A java other than this one gets its own archive,
 * made by that java.
 *
 * <p>The child is told the option in {@value EnvironmentProbe#ADDED_JVM_OPTION_VARIABLE} and leaves it out of
 * its report's {@code jvm_args}: the archive changes how fast the JVM starts, not what it measures, and a
 * report that named it would differ from one measured without ("JVM options differ" in {@code compare}).
 */
final class ChildArchive {

  static final String PREFIX = "jvm-";
  private static final long STEP_TIMEOUT_SECONDS = 120;
  private static final Map<String, Optional<Path>> MADE = new HashMap<>();

  private ChildArchive() {}

  /**
   * The options that make a child JVM use its archive, made now if missing: {@code -XX:SharedArchiveFile=…},
   * or none if it cannot be made or the options already choose how the JVM shares classes.
   */
  static List<String> options(String javaBinary, List<String> jvmOptions, String classPath, Path cacheDirectory) {
    if (cacheDirectory == null || choosesSharing(jvmOptions) || hasDirectory(classPath)) {
      return List.of();
    }
    Optional<Path> archive;
    String name = name(javaBinary, classPath, jvmOptions);
    synchronized (MADE) {
      archive = MADE.computeIfAbsent(name, n -> make(javaBinary, jvmOptions, classPath, cacheDirectory.resolve(n)));
    }
    archive.ifPresent(file -> WorkerCache.keep(cacheDirectory, Set.of(file)));
    return archive.map(file -> List.of(option(file))).orElse(List.of());
  }

  static String option(Path archive) {
    return "-XX:SharedArchiveFile=" + archive;
  }

  /** Whether the options already say how the JVM shares classes: then they are the user's to keep. */
  static boolean choosesSharing(List<String> jvmOptions) {
    return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile")
        || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:SharedClassListFile")
        || o.startsWith("-XX:DumpLoadedClassList") || o.contains("UseSharedSpaces")
        || o.contains("AutoCreateSharedArchive"));
  }

  /** Whether the class path names a directory: a static archive holds classes from jars only. */
  static boolean hasDirectory(String classPath) {
    for (String entry : classPath.split(File.pathSeparator)) {
      if (new File(entry).isDirectory()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The archive's file name: which JVM (this one's version, or another java's path and the size and time of
   * its JVM library and module image), and a fingerprint of the class path (names; jars' sizes and times) and
   * the options.
   */
  static String name(String javaBinary, String classPath, List<String> jvmOptions) {
    long fingerprint = 17;
    for (String entry : classPath.split(File.pathSeparator)) {
      File file = new File(entry);
      fingerprint = fingerprint * 31 + entry.hashCode();
      fingerprint = fingerprint * 31 + file.length();
      fingerprint = fingerprint * 31 + file.lastModified();
    }
    fingerprint = fingerprint * 31 + jvmOptions.hashCode();
    String jvm;
    if (isThisJava(javaBinary)) {
      jvm = System.getProperty("java.vm.version");
    } else {
      Path binary = Path.of(javaBinary).toAbsolutePath();
      try {
        binary = binary.toRealPath();
      } catch (IOException e) {
        // the path as given
      }
      long identity = binary.toString().hashCode();
      Path home = binary.getParent() == null ? binary : binary.getParent().getParent();
      for (String part : List.of("lib/server/libjvm.so", "lib/modules")) {
        File file = home == null ? new File(part) : home.resolve(part).toFile();
        identity = identity * 31 + file.length();
        identity = identity * 31 + file.lastModified();
      }
      jvm = "other-" + Long.toHexString(identity);
    }
    return PREFIX + jvm.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + Long.toHexString(fingerprint) + ".jsa";
  }

  static boolean isThisJava(String javaBinary) {
    Path own = Path.of(System.getProperty("java.home"), "bin", "java");
    try {
      return Files.isSameFile(own, Path.of(javaBinary));
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<Path> make(String javaBinary, List<String> jvmOptions, String classPath, Path file) {
    if (Files.isRegularFile(file)) {
      return Optional.of(file);
    }
    Path directory = file.getParent();
    String stem = file.getFileName() + ".tmp" + ProcessHandle.current().pid();
    Path classList = directory.resolve(stem + ".classlist");
    Path partial = directory.resolve(stem);
    Path trainingReport = directory.resolve(stem + ".json");
    try {
      Files.createDirectories(directory);
      List<String> train = new ArrayList<>(List.of(javaBinary, "-XX:DumpLoadedClassList=" + classList));
      train.addAll(jvmOptions);
      train.addAll(List.of("-cp", classPath, ConfirmationJvm.MAIN));
      train.addAll(trainingRun(trainingReport));
      if (!succeeds(train) || !Files.isRegularFile(classList)) {
        return Optional.empty();
      }
      List<String> dump = new ArrayList<>(List.of(javaBinary, "-Xshare:dump",
          "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial));
      dump.addAll(jvmOptions);
      dump.addAll(List.of("-cp", classPath));
      if (!succeeds(dump) || !Files.isRegularFile(partial)) {
        return Optional.empty();
      }
      // -Xshare:on refuses to start unless it maps the archive for this class path and these options.
      List<String> check = new ArrayList<>(List.of(javaBinary, "-Xshare:on", option(partial)));
      check.addAll(jvmOptions);
      check.addAll(List.of("-cp", classPath, "-version"));
      if (!succeeds(check)) {
        return Optional.empty();
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(file);
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } finally {
      deleteQuietly(classList);
      deleteQuietly(partial);
      deleteQuietly(trainingReport);
    }
  }

  /**
   * The run whose classes the archive holds: a small one that parses options, probes the capacity, runs a
   * task set on a thread and on a pool, and writes its JSON report, as a side's run does. Classes it does not
   * load (another workload's, a plug-in's) load from the class path as before.
   */
  static List<String> trainingRun(Path report) {
    return List.of("run", "--workload", "cpu", "--executor", "single,thread-pool", "--workers", "2",
        "--param", "n=1000", "--warmup", "1", "--runs", "1", "--baseline", "none",
        "--format", "json", "--output", report.toString(), "--quiet");
  }

  private static boolean succeeds(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    ConfirmationJvm.JVM_OPTION_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().put(ParentLiveness.VARIABLE, Long.toString(ProcessHandle.current().pid()));
    Process process = builder.start();
    try {
      if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return false;
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
    return process.exitValue() == 0;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stray temporary file in the cache is harmless
    }
  }
}
