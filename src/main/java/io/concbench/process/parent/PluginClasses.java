package io.concbench.process.parent;

import io.concbench.digest.Sha256;
import io.concbench.process.worker.OwnPid;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * A plug-in jar's content unpacked once into a directory of the worker cache, named after the jar's
 * SHA-256, for workers to put on their class path: for the reason concbench's own classes come from a
 * directory ({@link WorkerClasses}: opening a jar costs a fresh JVM about 10 ms), and so that everything
 * cached for a plug-in (this directory, and the class-data archive, whose name fingerprints the class path)
 * is keyed by the plug-in's content: a rebuilt plug-in gets fresh entries, the same build reuses them
 * wherever its jar lies. The old entries are pruned by {@link WorkerCache} like any other.
 */
final class PluginClasses {

  static final String PREFIX = "worker-plugin-";
  /** Hex digits of the SHA-256 in the directory's name: 64 bits, ample to tell builds apart. */
  private static final int NAME_DIGITS = 16;

  private PluginClasses() {}

  /**
   * The class-path entry for a plug-in jar: its directory in the cache, made if missing; the jar itself
   * when there is no cache or it cannot be written.
   */
  static synchronized Path entry(Path jar, Path cacheDirectory) {
    if (cacheDirectory == null) {
      return jar;
    }
    try {
      Path target = cacheDirectory.resolve(PREFIX + Sha256.of(jar).substring(0, NAME_DIGITS));
      if (Files.isDirectory(target)) {
        return target;
      }
      Path partial = cacheDirectory.resolve(target.getFileName() + ".tmp" + OwnPid.get());
      Files.createDirectories(cacheDirectory);
      WorkerClasses.deleteTree(partial);
      try {
        unpack(jar, partial);
        // One rename publishes the whole directory: another concbench never sees half of it.
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException raced) {
        // another concbench made it meanwhile; its copy is the same
      } finally {
        WorkerClasses.deleteTree(partial);
      }
      return Files.isDirectory(target) ? target : jar;
    } catch (IOException e) {
      return jar;
    }
  }

  /** Every file of the jar, the service file and resources included; signatures cannot matter to a directory. */
  private static void unpack(Path jar, Path directory) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        JarEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        Path target = directory.resolve(entry.getName()).normalize();
        if (!target.startsWith(directory)) {
          throw new IOException("entry outside the directory: " + entry.getName());
        }
        Files.createDirectories(target.getParent());
        try (InputStream in = file.getInputStream(entry)) {
          Files.copy(in, target);
        }
      }
    }
  }
}
