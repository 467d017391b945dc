package io.concbench.process.parent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the worker cache from growing with every build: each concbench jar gets its own class directory and
 * archive (some 7 MB together), and its own archive for the concbench JVMs that {@code ab} and {@code compare
 * --confirm} start (some 25 MB), so entries no concbench has used for {@link #MAX_IDLE} are removed. Use
 * marks an entry by its modification time; an entry in use is never removed, and one idle that long belongs
 * to a build nobody runs.
 */
public final class WorkerCache {

  static final Duration MAX_IDLE = Duration.ofDays(14);
  /** The cache's entries: workers' class directories and archives, child JVMs', cluster members' archives. */
  private static final List<String> PREFIXES = List.of("worker-", "jvm-", MemberArchive.PREFIX);

  private WorkerCache() {}

  /** Marks {@code inUse} as used now and removes every other worker entry idle longer than {@link #MAX_IDLE}. */
  public static void keep(Path cacheDirectory, Set<Path> inUse) {
    Instant now = Instant.now();
    for (Path entry : inUse) {
      try {
        Files.setLastModifiedTime(entry, FileTime.from(now));
      } catch (IOException ignored) {
        // a read-only cache is still usable; it just is not pruned
      }
    }
    prune(cacheDirectory, inUse, now.minus(MAX_IDLE));
  }

  static void prune(Path cacheDirectory, Set<Path> inUse, Instant idleBefore) {
    List<Path> entries;
    try (Stream<Path> listing = Files.list(cacheDirectory)) {
      entries = listing.filter(p -> PREFIXES.stream().anyMatch(p.getFileName().toString()::startsWith))
          .collect(Collectors.toList());
    } catch (IOException e) {
      return;
    }
    for (Path entry : entries) {
      try {
        if (!inUse.contains(entry) && Files.getLastModifiedTime(entry).toInstant().isBefore(idleBefore)) {
          WorkerClasses.deleteTree(entry);
        }
      } catch (IOException ignored) {
        // another concbench removed it first, or it is not ours to remove
      }
    }
  }
}
