package io.concbench.process.parent;

import io.concbench.process.worker.OwnPid;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The recipe of a static application class-data sharing archive (AppCDS) that concbench makes for a JVM it
 * starts, shared by the pool workers' ({@link WorkerArchive}), the local cluster members' ({@link
 * MemberArchive}) and the child concbench JVMs' of {@code ab} and {@code compare --confirm}: a training run
 * records the classes the JVM loads ({@code -XX:DumpLoadedClassList}), {@code -Xshare:dump} archives them,
 * optionally a {@code -Xshare:on} start checks that a JVM maps the result, and only then is it moved into
 * place, atomically, so a half-made archive is never used. Each step is a child JVM owned as workers are
 * ({@link ChildProcesses}): none outlives concbench. Any failure leaves no file and means "no archive": the
 * JVM then starts as before, without one.
 *
 * <p>An archive matches only the JDK, class path and JVM options it was dumped with, so the recipe takes the
 * options ({@code vmOptions}) that both the dump and the archive's users must give; its caller names the
 * file after them.
 */
public final class StaticArchive {

  private final String java;
  private final List<String> vmOptions;
  private final List<String> training;
  private final String dumpClassPath;
  private final Predicate<String> keep;
  private final boolean checked;
  private final Map<String, String> environment;
  private final long stepTimeoutSeconds;

  private StaticArchive(String java, List<String> vmOptions, List<String> training, String dumpClassPath,
      Predicate<String> keep, boolean checked, Map<String, String> environment, long stepTimeoutSeconds) {
    this.java = java;
    this.vmOptions = List.copyOf(vmOptions);
    this.training = List.copyOf(training);
    this.dumpClassPath = dumpClassPath;
    this.keep = keep;
    this.checked = checked;
    this.environment = environment;
    this.stepTimeoutSeconds = stepTimeoutSeconds;
  }

  /**
   * An archive of what {@code java vmOptions training…} loads (e.g. {@code training} = {@code -cp CP MAIN
   * --train}), JDK classes only unless {@link #withClassPath} names the class path of the dump, unchecked,
   * the steps in concbench's environment and at most 60 s each.
   */
  public static StaticArchive trainedBy(String java, List<String> vmOptions, List<String> training) {
    return new StaticArchive(java, vmOptions, training, null, line -> true, false, Map.of(), 60);
  }

  /** The same, dumped with {@code classPath} too: it archives the application classes loaded from its jars. */
  public StaticArchive withClassPath(String classPath) {
    return new StaticArchive(java, vmOptions, training, classPath, keep, checked, environment,
        stepTimeoutSeconds);
  }

  /** The same, archiving only the loaded classes whose class list line passes {@code lines}. */
  public StaticArchive keeping(Predicate<String> lines) {
    return new StaticArchive(java, vmOptions, training, dumpClassPath, lines, checked, environment,
        stepTimeoutSeconds);
  }

  /** The same, used only once a {@code -Xshare:on} start (which refuses an archive it cannot map) succeeded. */
  public StaticArchive checkedBeforeUse() {
    return new StaticArchive(java, vmOptions, training, dumpClassPath, keep, true, environment,
        stepTimeoutSeconds);
  }

  /** The same, the steps run with these environment variables set (a null value: removed). */
  public StaticArchive withEnvironment(Map<String, String> variables) {
    return new StaticArchive(java, vmOptions, training, dumpClassPath, keep, checked, variables,
        stepTimeoutSeconds);
  }

  /** The same, a step that runs longer than {@code seconds} killed and counted as failed. */
  public StaticArchive withStepTimeout(long seconds) {
    return new StaticArchive(java, vmOptions, training, dumpClassPath, keep, checked, environment, seconds);
  }

  /** {@code file} if it is there, else the archive made into it now; empty if it cannot be made. */
  public Optional<Path> makeAt(Path file) {
    if (Files.isRegularFile(file)) {
      return Optional.of(file);
    }
    Path directory = file.toAbsolutePath().getParent();
    String stem = file.getFileName() + ".tmp" + OwnPid.get();
    Path classList = directory.resolve(stem + ".classlist");
    Path partial = directory.resolve(stem);
    try {
      Files.createDirectories(directory);
      if (!succeeds(trainCommand(classList)) || !Files.isRegularFile(classList)) {
        return Optional.empty();
      }
      Files.write(classList, kept(Files.readAllLines(classList)));
      if (!succeeds(dumpCommand(classList, partial)) || !Files.isRegularFile(partial)) {
        return Optional.empty();
      }
      if (checked && !succeeds(checkCommand(partial))) {
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

  /** Whether the options already say how the JVM shares classes: then they are the user's to keep. */
  public static boolean choosesSharing(List<String> jvmOptions) {
    return jvmOptions.stream().anyMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile")
        || o.startsWith("-XX:ArchiveClassesAtExit") || o.startsWith("-XX:SharedClassListFile")
        || o.startsWith("-XX:DumpLoadedClassList") || o.contains("UseSharedSpaces")
        || o.contains("AutoCreateSharedArchive"));
  }

  /** Whether the class path names a directory: a static archive holds classes from jars only. */
  public static boolean hasDirectory(String classPath) {
    for (String entry : classPath.split(File.pathSeparator)) {
      if (new File(entry).isDirectory()) {
        return true;
      }
    }
    return false;
  }

  /**
   * A file name for an archive of this JDK (this JVM's version), made with {@code classPath} and {@code
   * vmOptions}: {@code prefix}, the version and a fingerprint of the class path (names; jars' sizes and
   * times: a rebuilt jar gets a new archive) and the options. A class directory counts by its name only
   * (WorkerClasses names it after its jar), since its time moves with each use.
   */
  static String name(String prefix, String classPath, List<String> vmOptions) {
    long fingerprint = 17;
    for (String entry : classPath.split(File.pathSeparator)) {
      File file = new File(entry);
      if (file.isFile()) {
        fingerprint = fingerprint * 31 + file.length();
        fingerprint = fingerprint * 31 + file.lastModified();
      }
      fingerprint = fingerprint * 31 + entry.hashCode();
    }
    fingerprint = fingerprint * 31 + vmOptions.hashCode();
    return prefix + System.getProperty("java.vm.version").replaceAll("[^A-Za-z0-9._-]", "_") + "-"
        + Long.toHexString(fingerprint) + ".jsa";
  }

  List<String> trainCommand(Path classList) {
    List<String> command = new ArrayList<>(List.of(java, "-XX:DumpLoadedClassList=" + classList));
    command.addAll(vmOptions);
    command.addAll(training);
    return command;
  }

  List<String> dumpCommand(Path classList, Path archive) {
    List<String> command = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
        "-XX:SharedArchiveFile=" + archive));
    command.addAll(vmOptions);
    if (dumpClassPath != null) {
      command.addAll(List.of("-cp", dumpClassPath));
    }
    return command;
  }

  List<String> checkCommand(Path archive) {
    List<String> command = new ArrayList<>(List.of(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive));
    command.addAll(vmOptions);
    if (dumpClassPath != null) {
      command.addAll(List.of("-cp", dumpClassPath));
    }
    command.add("-version");
    return command;
  }

  /** The class list's lines this archive keeps. */
  List<String> kept(List<String> classList) {
    return classList.stream().filter(keep).collect(Collectors.toList());
  }

  private boolean succeeds(List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    environment.forEach((name, value) -> {
      if (value == null) {
        builder.environment().remove(name);
      } else {
        builder.environment().put(name, value);
      }
    });
    Process process = builder.start();
    ChildProcesses.add(process);
    try {
      if (!process.waitFor(stepTimeoutSeconds, TimeUnit.SECONDS)) {
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
