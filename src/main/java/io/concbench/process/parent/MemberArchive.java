package io.concbench.process.parent;

import io.concbench.process.member.MemberMain;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A static class-data sharing archive for local cluster members, made on first use under the cache
 * directory, once per JDK, class path (concbench's jar, which names Hazelcast's, and the plug-ins) and member
 * options, as the workers' ({@link WorkerArchive}): the classes a training member loads (it starts as a local
 * member does, takes a client's connection and runs a warm-up chunk and a chunk of tasks: {@code MemberMain
 * --train}), JDK, Hazelcast's and concbench's, archived from the jars with {@code -Xshare:dump} and checked
 * with a {@code -Xshare:on} start ({@link StaticArchive}). A member JVM loads thousands of classes, most of them
 * Hazelcast's, from jars, parsing and verifying each; mapped from the archive they come pre-parsed and
 * pre-verified, and two members starting together on two cores have that much less CPU to share.
 *
 * <p>None when the class path holds a directory (a static archive holds classes from jars only: the tests'
 * target/classes), when the options already say how the JVM shares classes, or when another java ({@code
 * --java}) runs the members: then they start as before.
 */
final class MemberArchive {

  static final String PREFIX = "member-";
  private static final Object LOCK = new Object();
  private static final long STEP_TIMEOUT_SECONDS = 120;

  private MemberArchive() {}

  /**
   * The options that make a member use its archive, made now if missing; none if there can be none.
   *
   * @param vmOptions the member's own options before the user's, which the archive is made with
   * @param userOptions the user's --jvm-arg options: if they choose how classes are shared, they win
   */
  static List<String> options(String javaBinary, String classPath, List<String> vmOptions, List<String> userOptions,
      Path cacheDirectory) {
    if (cacheDirectory == null || StaticArchive.choosesSharing(userOptions) || StaticArchive.hasDirectory(classPath)) {
      return List.of();
    }
    Optional<Path> archive;
    synchronized (LOCK) {
      archive = StaticArchive.trainedBy(javaBinary, vmOptions, training(classPath))
          .withClassPath(classPath)
          .checkedBeforeUse()
          .withStepTimeout(STEP_TIMEOUT_SECONDS)
          .makeAt(cacheDirectory.resolve(StaticArchive.name(PREFIX, classPath, vmOptions)));
    }
    archive.ifPresent(file -> WorkerCache.keep(cacheDirectory, java.util.Set.of(file)));
    return WorkerCommand.archiveOptions(archive);
  }

  static List<String> training(String classPath) {
    return List.of("-cp", classPath, MemberMain.class.getName(), MemberMain.TRAIN);
  }
}
