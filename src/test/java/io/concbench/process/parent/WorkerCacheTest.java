package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCacheTest {

  @TempDir Path cache;

  @Test
  void removesWorkerEntriesIdleTooLongAndKeepsTheRest() throws IOException {
    Instant now = Instant.now();
    Path oldArchive = entry("worker-17-old.jsa", now.minus(Duration.ofDays(30)));
    Path oldClasses = Files.createDirectories(cache.resolve("worker-classes-old/io/concbench"));
    Files.writeString(oldClasses.resolve("A.class"), "x");
    age(cache.resolve("worker-classes-old"), now.minus(Duration.ofDays(30)));
    Path recent = entry("worker-17-recent.jsa", now.minus(Duration.ofDays(1)));
    Path oldButInUse = entry("worker-17-in-use.jsa", now.minus(Duration.ofDays(30)));
    Path notOurs = entry("notes.txt", now.minus(Duration.ofDays(300)));

    WorkerCache.prune(cache, Set.of(oldButInUse), now.minus(WorkerCache.MAX_IDLE));

    assertThat(oldArchive).doesNotExist();
    assertThat(cache.resolve("worker-classes-old")).doesNotExist();
    assertThat(recent).exists();
    assertThat(oldButInUse).exists();
    assertThat(notOurs).exists();
  }

  @Test
  void keepingAnEntryMarksItAsUsedNow() throws IOException {
    Path archive = entry("worker-17-a.jsa", Instant.now().minus(Duration.ofDays(30)));

    WorkerCache.keep(cache, Set.of(archive));

    assertThat(archive).exists();
    assertThat(Files.getLastModifiedTime(archive).toInstant()).isAfter(Instant.now().minus(Duration.ofHours(1)));
  }

  private Path entry(String name, Instant modified) throws IOException {
    Path file = Files.writeString(cache.resolve(name), "x");
    age(file, modified);
    return file;
  }

  private static void age(Path path, Instant modified) throws IOException {
    Files.setLastModifiedTime(path, FileTime.from(modified));
  }
}
