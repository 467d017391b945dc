package io.concbench.cli;

import io.concbench.result.ConcbenchJar;
import io.concbench.result.Environment;
import io.concbench.result.LoadedPlugin;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The JVM a {@code compare --confirm} re-run measures in: the java ({@code environment.java_home}), the JVM
 * options ({@code environment.jvm_args}) and the plug-ins ({@code environment.plugins}, same paths and
 * SHA-256) that CURRENT was recorded with, running this concbench, which must be the version (and, where
 * both are known, the jar) that recorded it. A re-run in compare's own JVM measured compare's JDK and options instead: a report slowed by its JVM
 * options was then "not reproduced" by a re-run that did not have them. Whatever of those conditions cannot
 * be had on this machine is a {@link UsageException} naming it: a confirmation under other conditions would
 * judge them, not the code.
 */
final class ConfirmationJvm {

  /** concbench's entry point, named rather than referenced: the cli package does not depend on it. */
  static final String MAIN = "io.concbench.Main";
  /** How the launcher and a run name plug-ins outside the command line. */
  static final String PLUGINS_VARIABLE = "CONCBENCH_PLUGINS";
  /**
   * Variables whose options the JVM adds to its own: they are in the recorded jvm_args already (the JVM
   * reports them among its input arguments), and compare's values are not the recorded ones.
   */
  static final List<String> JVM_OPTION_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

  private final Path java;
  private final List<String> jvmArgs;
  private final String classPath;
  private final List<String> pluginPaths;
  private final String javaVersion;

  private ConfirmationJvm(Path java, List<String> jvmArgs, String classPath, List<String> pluginPaths,
      String javaVersion) {
    this.java = java;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.classPath = classPath;
    this.pluginPaths = List.copyOf(pluginPaths);
    this.javaVersion = javaVersion;
  }

  /**
   * The conditions {@code recorded} names, checked against this machine.
   *
   * @param file CURRENT's file name, for the messages
   * @param thisVersion this concbench's version; the re-run runs this concbench
   * @param thisJar this concbench's jar's SHA-256, or null when it runs from classes
   * @param classPath this concbench's class path, which the child JVM runs
   * @throws UsageException naming the condition that cannot be reproduced
   */
  static ConfirmationJvm of(Environment recorded, String file, String thisVersion, String thisJar,
      String classPath) {
    String cannot = "--confirm: cannot re-run " + file + " as it was measured: ";
    if (recorded == null) {
      throw new UsageException(cannot + "it records no environment (java_home, jvm_args, concbench_version)");
    }
    if (!thisVersion.equals(recorded.concbenchVersion())) {
      throw new UsageException(cannot + "it was measured by concbench " + recorded.concbenchVersion()
          + ", this is concbench " + thisVersion + " (confirm with the concbench that measured it)");
    }
    // Where either side ran from classes (or the report predates the field) the version is all there is.
    if (thisJar != null && recorded.concbenchSha256() != null && !thisJar.equals(recorded.concbenchSha256())) {
      throw new UsageException(cannot + "it was measured by another build of concbench " + thisVersion
          + " (jar SHA-256 " + recorded.concbenchSha256() + ", this one's " + thisJar
          + "; confirm with the jar that measured it)");
    }
    if (recorded.javaHome() == null || recorded.javaHome().isBlank()) {
      throw new UsageException(cannot + "it does not record java_home, the JDK it was measured on");
    }
    Path java = Path.of(recorded.javaHome(), "bin", "java");
    if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
      throw new UsageException(cannot + "its JDK is not on this machine (java_home " + recorded.javaHome()
          + " has no bin/java)");
    }
    // The same path can hold another JDK after an upgrade in place; its release file says which.
    Optional<String> installed = releaseVersion(Path.of(recorded.javaHome()));
    if (installed.isPresent() && recorded.javaVersion() != null && !installed.get().equals(recorded.javaVersion())) {
      throw new UsageException(cannot + "java_home " + recorded.javaHome() + " now holds Java " + installed.get()
          + ", it was measured on Java " + recorded.javaVersion());
    }
    List<String> plugins = new ArrayList<>();
    for (LoadedPlugin plugin : recorded.plugins()) {
      plugins.add(checkedPlugin(plugin, cannot));
    }
    return new ConfirmationJvm(java, recorded.jvmArgs() == null ? List.of() : recorded.jvmArgs(), classPath,
        plugins, recorded.javaVersion());
  }

  /** The child's command line: the recorded java and options, this concbench, then {@code args}. */
  List<String> command(List<String> args) {
    return command(List.of(), args);
  }

  /**
   * The child's command line with {@code archive}, the options of its class-data archive
   * ({@link #archiveOptions}), before the recorded ones.
   */
  List<String> command(List<String> archive, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.addAll(archive);
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(classPath);
    command.add(MAIN);
    command.addAll(args);
    return command;
  }

  /** The options of the class-data archive for this java, class path and options, made now if missing. */
  List<String> archiveOptions(Path cacheDirectory) {
    return ChildArchive.options(java.toString(), jvmArgs, classPath, cacheDirectory);
  }

  /**
   * The child's {@value #PLUGINS_VARIABLE}: the recorded plug-ins, by the absolute paths the report names,
   * or null to unset it (compare's own value is not what CURRENT was measured with).
   */
  String pluginsVariable() {
    return pluginPaths.isEmpty() ? null : String.join(File.pathSeparator, pluginPaths);
  }

  /** The conditions in a few words, for the line that announces the re-run. */
  String describe() {
    return "Java " + javaVersion + " (" + java + ")"
        + (jvmArgs.isEmpty() ? ", no JVM options" : ", JVM options " + String.join(" ", jvmArgs))
        + (pluginPaths.isEmpty() ? "" : ", plug-ins " + String.join(" ", pluginPaths));
  }

  /** The plug-in's path, if the jar there is the one that was loaded; else why not. */
  private static String checkedPlugin(LoadedPlugin plugin, String cannot) {
    Path jar = Path.of(plugin.path());
    if (!Files.isRegularFile(jar)) {
      throw new UsageException(cannot + "its plug-in " + plugin.name() + " is not at " + plugin.path());
    }
    String sha256 = ConcbenchJar.hash(jar).orElseThrow(
        () -> new UsageException(cannot + "its plug-in " + plugin.path() + " cannot be read"));
    if (!sha256.equals(plugin.sha256())) {
      throw new UsageException(cannot + "its plug-in " + plugin.path() + " has changed (SHA-256 " + sha256
          + ", it was measured with " + plugin.sha256() + ")");
    }
    return plugin.path();
  }

  /** JAVA_VERSION of a JDK's release file, if it has one. */
  static Optional<String> releaseVersion(Path javaHome) {
    Path release = javaHome.resolve("release");
    if (!Files.isRegularFile(release)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(release)) {
      properties.load(in);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
    String version = properties.getProperty("JAVA_VERSION");
    return version == null ? Optional.empty() : Optional.of(version.replace("\"", "").strip());
  }
}
