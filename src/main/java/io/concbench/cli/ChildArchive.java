package io.concbench.cli;

import io.concbench.process.parent.StaticArchive;
import io.concbench.process.parent.WorkerCache;
import io.concbench.result.EnvironmentProbe;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A static application class-data sharing archive (AppCDS) for the concbench JVMs that concbench itself starts
 * to run {@code concbench run}: {@code ab}'s sides and {@code compare --confirm}'s re-run. Such a JVM spends
 * most of its fixed cost loading and verifying picocli, Jackson and commons-math from jars; mapped from an
 * archive, those classes come pre-parsed and pre-verified (docs/ab.md has the figures).
 *
 * <p>Made on first use under the cache directory, once per java, class path and JVM options (an archive
 * matches only the configuration it was dumped with): a training run records the classes a small {@code run}
 * loads ({@code -XX:DumpLoadedClassList}), {@code -Xshare:dump} archives them with the class path's own classes,
 * a {@code -Xshare:on} start checks that the JVM maps it, and only then is it moved into place, atomically
 * ({@link StaticArchive}, whose steps die with concbench). If any step fails, the child runs as before, without it. A java other than this one gets its own archive,
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
    return StaticArchive.choosesSharing(jvmOptions);
  }

  /** Whether the class path names a directory: a static archive holds classes from jars only. */
  static boolean hasDirectory(String classPath) {
    return StaticArchive.hasDirectory(classPath);
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
    Path trainingReport = file.resolveSibling(file.getFileName() + ".tmp" + ProcessHandle.current().pid() + ".json");
    Map<String, String> environment = new HashMap<>();
    ConfirmationJvm.JVM_OPTION_VARIABLES.forEach(name -> environment.put(name, null));
    environment.put(ParentLiveness.VARIABLE, Long.toString(ProcessHandle.current().pid()));
    List<String> training = new ArrayList<>(List.of("-cp", classPath, ConfirmationJvm.MAIN));
    training.addAll(trainingRun(trainingReport));
    try {
      return StaticArchive.trainedBy(javaBinary, jvmOptions, training)
          .withClassPath(classPath)
          .checkedBeforeUse()
          .withEnvironment(environment)
          .withStepTimeout(STEP_TIMEOUT_SECONDS)
          .makeAt(file);
    } finally {
      try {
        Files.deleteIfExists(trainingReport);
      } catch (IOException ignored) {
        // a stray temporary file in the cache is harmless
      }
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
}
