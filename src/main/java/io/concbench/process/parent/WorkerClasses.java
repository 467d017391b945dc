package io.concbench.process.parent;

import io.concbench.process.worker.OwnPid;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * concbench's own classes ({@code io/concbench/**}) copied out of concbench's jar once into a directory of
 * the cache, for workers to load from. A class directory instead of a jar because opening any jar costs a
 * fresh JVM about 10 ms (the zip and jar classes, the default file system, libzip and the manifest), more
 * than loading and verifying the two dozen classes a worker needs from plain files
 * (docs/process-executors.md has the figures).
 */
final class WorkerClasses {

  private static final String OWN_CLASSES = "io/concbench/";

  private WorkerClasses() {}

  /**
   * The class directory for {@code classPath}, made if missing; empty when the class path is not one jar
   * (as in tests, where classes already come from directories) or the cache cannot be written.
   */
  static synchronized Optional<String> extract(String classPath, Path cacheDirectory) {
    File source = new File(classPath);
    if (classPath.contains(File.pathSeparator) || !source.isFile() || !classPath.endsWith(".jar")) {
      return Optional.empty();
    }
    String name = "worker-classes-" + Long.toHexString(source.length()) + "-"
        + Long.toHexString(source.lastModified()) + "-" + Integer.toHexString(source.getAbsolutePath().hashCode());
    Path target = cacheDirectory.resolve(name);
    if (Files.isDirectory(target)) {
      return Optional.of(target.toString());
    }
    Path partial = cacheDirectory.resolve(name + ".tmp" + OwnPid.get());
    try {
      Files.createDirectories(cacheDirectory);
      deleteTree(partial);
      copyOwnClasses(source, partial);
      try {
        // One rename publishes the whole directory: another concbench never sees half of it.
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        deleteTree(partial); // another concbench made it meanwhile; its copy is the same
      }
      return Files.isDirectory(target) ? Optional.of(target.toString()) : Optional.empty();
    } catch (IOException e) {
      try {
        deleteTree(partial);
      } catch (IOException ignored) {
        // nothing more to do: the worker falls back to the whole jar
      }
      return Optional.empty();
    }
  }

  private static void copyOwnClasses(File jarFile, Path directory) throws IOException {
    try (JarFile jar = new JarFile(jarFile)) {
      for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (!entry.getName().startsWith(OWN_CLASSES) || entry.isDirectory()) {
          continue;
        }
        Path file = directory.resolve(entry.getName()).normalize();
        if (!file.startsWith(directory)) {
          throw new IOException("entry outside the directory: " + entry.getName());
        }
        Files.createDirectories(file.getParent());
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, file);
        }
      }
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
