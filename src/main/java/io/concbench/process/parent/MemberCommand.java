package io.concbench.process.parent;

import io.concbench.executor.ProcessSettings;
import io.concbench.process.member.MemberMain;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a local cluster member JVM: the java of the workers, concbench's class path (the
 * parent's, which holds Hazelcast) with the plug-ins, the common fork-join pool's parallelism raised (at 1,
 * on 2 CPUs, Hazelcast starts a thread per async completion: round trips 2-10× slower), the flags that keep
 * Hazelcast from warning on this JDK, concbench's loop compilation (a task must run the same machine code
 * as on concbench's own threads), then the user's --jvm-arg options.
 */
final class MemberCommand {

  /** The common pool's parallelism on every JVM of a cluster run, this one included. */
  static final String FORK_JOIN_PARALLELISM = "-Djava.util.concurrent.ForkJoinPool.common.parallelism=4";

  /** What JDK 17 to 24 need for Hazelcast to start without a warning. */
  static final List<String> JDK17_FLAGS = List.of("--add-modules", "java.se",
      "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens", "java.base/java.lang=ALL-UNNAMED",
      "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens", "java.management/sun.management=ALL-UNNAMED",
      "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

  private MemberCommand() {}

  /** The command of a member listening on {@code port}, told of every member in {@code members}. */
  static List<String> of(ProcessSettings settings, String clusterName, int port, List<String> members,
      int heartbeatSeconds) {
    return of(settings, clusterName, port, members, heartbeatSeconds, false);
  }

  /**
   * The same, {@code gated}: the member sets itself up at once but joins only when told on its stdin that
   * the first member is up (see process.member.GatedJoin).
   */
  static List<String> of(ProcessSettings settings, String clusterName, int port, List<String> members,
      int heartbeatSeconds, boolean gated) {
    return of(settings, clusterName, port, members, heartbeatSeconds, gated, WorkerCommand.defaultCacheDirectory());
  }

  /** The same, the members' class-data archive ({@link MemberArchive}) in {@code cacheDirectory} (null: none). */
  static List<String> of(ProcessSettings settings, String clusterName, int port, List<String> members,
      int heartbeatSeconds, boolean gated, Path cacheDirectory) {
    String java = settings.java() != null ? settings.java()
        : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    int feature = settings.java() == null ? Runtime.version().feature() : JdkFlags.featureOf(java).orElse(17); // unknown: 17's flags, which later JDKs take
    List<String> own = new ArrayList<>(List.of("-XX:-UsePerfData", "-XX:+ExitOnOutOfMemoryError",
        FORK_JOIN_PARALLELISM));
    own.addAll(jdkFlags(feature));
    if (settings.java() == null) {
      own.addAll(LoopCompilation.ofThisJvm());
    }
    StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
    for (Path jar : settings.pluginJars()) {
      classPath.append(File.pathSeparator).append(jar);
    }
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(own);
    if (settings.java() == null) {
      // Another java (--java) would need its own archive, made by it: as for workers, it gets none.
      command.addAll(MemberArchive.options(java, classPath.toString(), own, settings.jvmArgs(), cacheDirectory));
    }
    command.addAll(settings.jvmArgs());
    if (gated) {
      command.add("-D" + MemberMain.GATED + "=true");
    }
    command.add("-cp");
    command.add(classPath.toString());
    command.add(MemberMain.class.getName());
    command.add(clusterName);
    command.add(Integer.toString(port));
    command.add("1");
    command.add(Integer.toString(heartbeatSeconds));
    command.addAll(members);
    return command;
  }

  /** The flags for a member on JDK {@code feature}. */
  static List<String> jdkFlags(int feature) {
    return feature >= JdkFlags.UNSAFE_ACCESS_FROM_FEATURE ? List.of(JdkFlags.UNSAFE_ACCESS) : JDK17_FLAGS;
  }
}
