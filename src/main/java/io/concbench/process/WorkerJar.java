package io.concbench.process;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

/**
 * A jar holding only concbench's own classes ({@code io/concbench/**}), copied out of the shaded jar once
 * into the cache directory. A worker never loads the bundled libraries, and opening a 3000-entry jar is
 * start-up time every forked JVM pays: with this jar a worker starts about 5 % sooner
 * (docs/process-executors.md).
 */
final class WorkerJar {

  private static final String OWN_CLASSES = "io/concbench/";

  private WorkerJar() {}

  /**
   * The small jar for {@code classPath}, made if missing; empty when the class path is not one jar (as in
   * tests, where classes come from directories) or the cache cannot be written.
   */
  static synchronized Optional<String> extract(String classPath, Path cacheDirectory) {
    File source = new File(classPath);
    if (classPath.contains(File.pathSeparator) || !source.isFile() || !classPath.endsWith(".jar")) {
      return Optional.empty();
    }
    String name = "worker-" + Long.toHexString(source.length()) + "-" + Long.toHexString(source.lastModified())
        + "-" + Integer.toHexString(source.getAbsolutePath().hashCode()) + ".jar";
    Path target = cacheDirectory.resolve(name);
    if (Files.isRegularFile(target)) {
      return Optional.of(target.toString());
    }
    try {
      Files.createDirectories(cacheDirectory);
      Path partial = cacheDirectory.resolve(name + ".tmp" + OwnPid.get());
      try (JarFile jar = new JarFile(source);
          JarOutputStream out = new JarOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(partial)))) {
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
          JarEntry entry = entries.nextElement();
          if (entry.getName().startsWith(OWN_CLASSES)) {
            out.putNextEntry(new JarEntry(entry.getName()));
            try (InputStream in = jar.getInputStream(entry)) {
              in.transferTo(out);
            }
            out.closeEntry();
          }
        }
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(target.toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
