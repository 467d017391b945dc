package io.concbench.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line of a worker JVM: which java, which JVM options, the class path of this concbench, and
 * the lean entry point. Start-up options are chosen for what a worker does (see docs/process-executors.md
 * for what each buys, measured):
 *
 * <ul>
 *   <li>a small jar of concbench's own classes, extracted once into the cache directory: the shaded jar's
 *       3000 entries (commons-math, Jackson, picocli) cost every worker time to open, for classes it never
 *       loads;
 *   <li>an application class-data sharing archive of the worker's classes, made on first use under the
 *       cache directory and keyed by the JDK and the jar, so that later workers map their classes instead
 *       of loading and verifying them;
 *   <li>{@code -XX:+UseSerialGC}: one GC thread to start, and a worker's heap is small;
 *   <li>{@code -XX:-UsePerfData}: no shared-memory statistics file to create per process;
 *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a worker out of memory dies at once (and is seen, replaced,
 *       reported) instead of limping on with a dead thread.
 * </ul>
 */
public final class WorkerCommand {

  static final String MAIN = WorkerMain.class.getName();

  /**
   * The JVM writes some messages of its own to stdout (the OutOfMemoryError exit, unified logging's
   * warnings): in a worker, stdout carries frames, so all of it goes to stderr, where it is drained and kept
   * for error reports.
   */
  static final List<String> VM_OUTPUT_TO_STDERR =
      List.of("-XX:+DisplayVMOutputToStderr", "-Xlog:disable", "-Xlog:all=warning:stderr");
  private static final Object ARCHIVE_LOCK = new Object();

  private final List<String> command;

  private WorkerCommand(List<String> command) {
    this.command = List.copyOf(command);
  }

  /**
   * @param java the java binary, or null for the one running concbench
   * @param extraJvmArgs the user's --jvm-arg options, last so they win
   * @param cacheDirectory where the class-data archive lives, or null to use none
   */
  public static WorkerCommand of(String java, List<String> extraJvmArgs, Path cacheDirectory) {
    String javaBinary = java != null ? java
        : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    if (cacheDirectory != null) {
      classPath = WorkerJar.extract(classPath, cacheDirectory).orElse(classPath);
    }
    List<String> base = new ArrayList<>(List.of(javaBinary));
    base.addAll(VM_OUTPUT_TO_STDERR);
    base.addAll(List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError"));
    if (cacheDirectory != null && java == null) {
      archive(javaBinary, classPath, cacheDirectory).ifPresent(file -> {
        base.add("-XX:SharedArchiveFile=" + file);
        base.add("-Xshare:auto");
      });
    }
    base.addAll(extraJvmArgs);
    base.add("-cp");
    base.add(classPath);
    base.add(MAIN);
    return new WorkerCommand(base);
  }

  public List<String> command() {
    return command;
  }

  /** The default cache: $XDG_CACHE_HOME/concbench or ~/.cache/concbench. */
  public static Path defaultCacheDirectory() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("concbench");
  }

  /**
   * The archive for this JDK and class path, made now if missing. Its name holds the JDK version and the
   * class path's size and modification times, since an archive only matches the exact jars it was made
   * from. Empty if it cannot be made (a read-only home, a JDK without dynamic archives).
   */
  static java.util.Optional<Path> archive(String javaBinary, String classPath, Path cacheDirectory) {
    long fingerprint = 17;
    for (String entry : classPath.split(File.pathSeparator)) {
      File file = new File(entry);
      fingerprint = fingerprint * 31 + file.length();
      fingerprint = fingerprint * 31 + file.lastModified();
      fingerprint = fingerprint * 31 + entry.hashCode();
    }
    String name = "worker-" + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + Long.toHexString(fingerprint) + ".jsa";
    Path file = cacheDirectory.resolve(name);
    synchronized (ARCHIVE_LOCK) {
      if (Files.isRegularFile(file)) {
        return java.util.Optional.of(file);
      }
      try {
        Files.createDirectories(cacheDirectory);
        Path partial = cacheDirectory.resolve(name + ".tmp" + ProcessHandle.current().pid());
        List<String> dumpCommand = new ArrayList<>(List.of(javaBinary, "-XX:ArchiveClassesAtExit=" + partial));
        dumpCommand.addAll(VM_OUTPUT_TO_STDERR);
        dumpCommand.addAll(List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", classPath, MAIN, "--train"));
        Process dump = new ProcessBuilder(dumpCommand)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
        ChildProcesses.add(dump);
        if (!dump.waitFor(60, TimeUnit.SECONDS)) {
          dump.destroyForcibly();
          return java.util.Optional.empty();
        }
        if (dump.exitValue() != 0 || !Files.isRegularFile(partial)) {
          Files.deleteIfExists(partial);
          return java.util.Optional.empty();
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return java.util.Optional.of(file);
      } catch (IOException e) {
        return java.util.Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return java.util.Optional.empty();
      }
    }
  }
}
