package io.concbench.process.parent;

import io.concbench.process.worker.WorkerMain;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of a worker JVM: which java, which JVM options, the class path of this concbench, and
 * the lean entry point. Start-up options are chosen for what a worker does; each was measured against a
 * bare {@code java Hello}, alone and two at once (docs/process-executors.md has the figures):
 *
 * <ul>
 *   <li>concbench's own classes from a directory of the cache ({@link WorkerClasses}), not a jar;
 *   <li>a static class-data sharing archive of the JDK classes a worker loads ({@link WorkerArchive}),
 *       mapped at the address it was made for ({@code ArchiveRelocationMode=0}): the JDK's default of
 *       mapping archives at a random address and relocating every pointer in them costs each JVM ~30 ms of
 *       page faults and copying; a worker runs only concbench's code, so address randomisation of the
 *       archive buys it nothing;
 *   <li>{@code -Xms16m -Xmx1g}: a small heap to set up and a small young generation to fault in (the default
 *       here is a quarter of the machine's memory), under 4 GiB so the archived heap maps without
 *       relocation; frames are capped at 64 MiB, so 1 GiB holds the largest ones; a user's {@code -Xmx}
 *       comes later and wins;
 *   <li>the collector per JDK: G1 on JDK 17 to 24, the only one there that maps the archived heap objects
 *       (with Serial the module graph is rebuilt at every start); Serial from JDK 25 on, which maps them
 *       too and starts faster (one GC thread, no concurrent structures);
 *   <li>{@code -XX:-UsePerfData}: no shared-memory statistics file to create per process;
 *   <li>{@code -XX:+ExitOnOutOfMemoryError}: a worker out of memory dies at once (and is seen, replaced,
 *       reported) instead of limping on with a dead thread;
 *   <li>concbench's own loop-safepoint settings ({@link LoopCompilation}), which the collector would
 *       otherwise decide: a task must run the same machine code in a worker as on concbench's threads.
 * </ul>
 *
 * With {@code --java}, another JDK of unknown version runs the workers: no archive, Serial GC, its own
 * loop compilation.
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

  /** The first JDK measured to start a worker faster with Serial GC while keeping the archived heap. */
  static final int SERIAL_GC_FROM_FEATURE = 25;

  private final List<String> command;

  private WorkerCommand(List<String> command) {
    this.command = List.copyOf(command);
  }

  /**
   * @param java the java binary, or null for the one running concbench
   * @param extraJvmArgs the user's --jvm-arg options, last so they win
   * @param cacheDirectory where the class directory and the class-data archive live, or null to use none
   */
  public static WorkerCommand of(String java, List<String> extraJvmArgs, Path cacheDirectory) {
    return of(java, extraJvmArgs, cacheDirectory, List.of());
  }

  /**
   * @param pluginJars plug-in jars whose workloads the worker must find: each goes on its class path (as a
   *     directory of the cache keyed by its content, {@link PluginClasses}), where the worker's service
   *     loader finds them
   */
  public static WorkerCommand of(String java, List<String> extraJvmArgs, Path cacheDirectory,
      List<Path> pluginJars) {
    String javaBinary = java != null ? java
        : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("java.class.path");
    Set<Path> cacheInUse = new HashSet<>();
    if (cacheDirectory != null) {
      Optional<String> classes = WorkerClasses.extract(classPath, cacheDirectory);
      classes.ifPresent(directory -> cacheInUse.add(Path.of(directory)));
      classPath = classes.orElse(classPath);
    }
    StringBuilder withPlugins = new StringBuilder(classPath);
    for (Path jar : pluginJars) {
      Path entry = PluginClasses.entry(jar, cacheDirectory);
      if (!entry.equals(jar)) {
        cacheInUse.add(entry);
      }
      withPlugins.append(File.pathSeparator).append(entry);
    }
    classPath = withPlugins.toString();
    Integer feature = java == null ? Runtime.version().feature() : null;
    List<String> startup = startupOptions(feature);
    List<String> base = new ArrayList<>(List.of(javaBinary));
    base.addAll(VM_OUTPUT_TO_STDERR);
    base.addAll(withoutOverridden(startup, extraJvmArgs));
    base.add("-XX:+ExitOnOutOfMemoryError");
    if (cacheDirectory != null && feature != null) {
      Optional<Path> archive = WorkerArchive.of(javaBinary, classPath, startup, cacheDirectory);
      archive.ifPresent(cacheInUse::add);
      base.addAll(archiveOptions(archive));
    }
    if (cacheDirectory != null) {
      WorkerCache.keep(cacheDirectory, cacheInUse);
    }
    if (feature != null) {
      // Same JDK: it knows the flags. Another (--java) may not, and would refuse to start.
      base.addAll(LoopCompilation.ofThisJvm());
    }
    base.addAll(extraJvmArgs);
    base.add("-cp");
    base.add(classPath);
    base.add(MAIN);
    return new WorkerCommand(base);
  }

  /**
   * The options that shape a worker's start-up and that its class-data archive must be made with.
   *
   * @param feature the worker JDK's feature version, or null when unknown (another java than concbench's)
   */
  static List<String> startupOptions(Integer feature) {
    String collector = feature == null || feature >= SERIAL_GC_FROM_FEATURE ? "-XX:+UseSerialGC" : "-XX:+UseG1GC";
    return List.of(collector, "-Xms16m", "-Xmx1g", "-XX:-UsePerfData");
  }

  /**
   * {@code startup} less the collector and heap sizes the user chose with --jvm-arg: two collectors are
   * an error to the JVM, and so is our initial heap above a smaller maximum of theirs.
   */
  static List<String> withoutOverridden(List<String> startup, List<String> userArgs) {
    boolean userCollector = userArgs.stream().anyMatch(a -> a.matches("-XX:\\+Use\\w+GC"));
    boolean userHeap = userArgs.stream().anyMatch(a -> a.startsWith("-Xms") || a.startsWith("-Xmx")
        || a.startsWith("-XX:InitialHeapSize") || a.startsWith("-XX:MaxHeapSize") || a.startsWith("-XX:MaxRAM"));
    List<String> kept = new ArrayList<>();
    for (String option : startup) {
      boolean collector = option.matches("-XX:\\+Use\\w+GC");
      boolean heap = option.startsWith("-Xms") || option.startsWith("-Xmx");
      if (!(collector && userCollector) && !(heap && userHeap)) {
        kept.add(option);
      }
    }
    return kept;
  }

  /** The options that make a worker map {@code archive} where it was made to be, if there is one. */
  static List<String> archiveOptions(Optional<Path> archive) {
    return archive.map(file -> List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"))
        .orElse(List.of());
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
}
