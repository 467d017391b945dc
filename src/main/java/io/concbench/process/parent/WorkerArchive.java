package io.concbench.process.parent;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
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

  private WorkerArchive() {}

  /** The archive for this JDK, class path and options, made now if missing; empty if it cannot be made. */
  static Optional<Path> of(String javaBinary, String classPath, List<String> vmOptions, Path cacheDirectory) {
    synchronized (LOCK) {
      return StaticArchive.trainedBy(javaBinary, vmOptions, List.of("-cp", classPath, WorkerCommand.MAIN, "--train"))
          .keeping(WorkerArchive::isNotConcbenchs)
          .makeAt(cacheDirectory.resolve(name(classPath, vmOptions)));
    }
  }

  /**
   * The class list without concbench's own classes and the lambda proxies of them: they come from a
   * directory, which a static archive cannot hold, and naming them only makes the dump warn.
   */
  static List<String> jdkClassesOnly(List<String> classList) {
    return classList.stream().filter(WorkerArchive::isNotConcbenchs).collect(Collectors.toList());
  }

  private static boolean isNotConcbenchs(String classListLine) {
    return !classListLine.contains("io/concbench/");
  }

  /** The file name: the JDK, and a fingerprint of the class path (names; jars' sizes and times) and the options. */
  static String name(String classPath, List<String> vmOptions) {
    return StaticArchive.name("worker-", classPath, vmOptions);
  }
}
