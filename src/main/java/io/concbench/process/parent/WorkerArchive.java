package io.concbench.process.parent;

import io.concbench.process.worker.OwnPid;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A static class-data sharing archive made for workers, on first use, under the cache directory: the JDK
 * classes a worker session loads, recorded by one training run ({@code -XX:DumpLoadedClassList}) and dumped
 * with {@code -Xshare:dump}. Static rather than the JDK's default archive plus a dynamic one because
 *
 * <ul>
 *   <li>it holds only what a worker touches (some 600 classes instead of 1300), so a worker faults in fewer
 *       of its pages, and page faults on shared files are what two JVMs starting together contend for here;
 *   <li>it keeps the archived heap objects (the module graph, interned strings) that a dynamic archive made
 *       on top of another collector's base archive would lose.
 * </ul>
 *
 * concbench's own classes are left out: workers load them from a class directory ({@link WorkerClasses}),
 * which CDS does not archive. The archive's name holds the JDK, the class path and the JVM options it must
 * be used with, since an archive matches only the configuration it was dumped with.
 */
final class WorkerArchive {

  private static final Object LOCK = new Object();
  private static final long STEP_TIMEOUT_SECONDS = 60;

  private WorkerArchive() {}

  /** The archive for this JDK, class path and options, made now if missing; empty if it cannot be made. */
  static Optional<Path> of(String javaBinary, String classPath, List<String> vmOptions, Path cacheDirectory) {
    Path file = cacheDirectory.resolve(name(classPath, vmOptions));
    synchronized (LOCK) {
      if (Files.isRegularFile(file)) {
        return Optional.of(file);
      }
      String stem = file.getFileName() + ".tmp" + OwnPid.get();
      Path classList = cacheDirectory.resolve(stem + ".classlist");
      Path partial = cacheDirectory.resolve(stem);
      try {
        Files.createDirectories(cacheDirectory);
        List<String> train = new ArrayList<>(List.of(javaBinary, "-XX:DumpLoadedClassList=" + classList));
        train.addAll(vmOptions);
        train.addAll(List.of("-cp", classPath, WorkerCommand.MAIN, "--train"));
        if (!succeeds(train) || !Files.isRegularFile(classList)) {
          return Optional.empty();
        }
        Files.write(classList, jdkClassesOnly(Files.readAllLines(classList)));
        List<String> dump = new ArrayList<>(List.of(javaBinary, "-Xshare:dump",
            "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial));
        dump.addAll(vmOptions);
        if (!succeeds(dump) || !Files.isRegularFile(partial)) {
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
      }
    }
  }

  /**
   * The class list without concbench's own classes and the lambda proxies of them: they come from a
   * directory, which a static archive cannot hold, and naming them only makes the dump warn.
   */
  static List<String> jdkClassesOnly(List<String> classList) {
    return classList.stream().filter(line -> !line.contains("io/concbench/")).collect(Collectors.toList());
  }

  /** The file name: the JDK, and a fingerprint of the class path (names; jars' sizes and times) and the options. */
  static String name(String classPath, List<String> vmOptions) {
    long fingerprint = 17;
    for (String entry : classPath.split(File.pathSeparator)) {
      File file = new File(entry);
      if (file.isFile()) { // a jar: a rebuilt one has another size or time. A class directory's name is
        fingerprint = fingerprint * 31 + file.length(); // its identity (WorkerClasses names it after its
        fingerprint = fingerprint * 31 + file.lastModified(); // jar), and its time moves with each use.
      }
      fingerprint = fingerprint * 31 + entry.hashCode();
    }
    fingerprint = fingerprint * 31 + vmOptions.hashCode();
    return "worker-" + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + Long.toHexString(fingerprint) + ".jsa";
  }

  private static boolean succeeds(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
    ChildProcesses.add(process);
    if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return false;
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
