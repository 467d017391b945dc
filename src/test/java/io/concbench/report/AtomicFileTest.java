package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

  @TempDir Path dir;

  @Test
  void replacesContentAndLeavesNoTemporaryFileBehind() throws IOException {
    Path target = dir.resolve("report.json");
    AtomicFile.write(target, "first");
    AtomicFile.write(target, "second");

    assertThat(Files.readString(target)).isEqualTo("second");
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void theFileIsReadableByOthersAsAPlainlyCreatedFileWouldBe() throws IOException {
    Path target = dir.resolve("report.json");
    AtomicFile.write(target, "{}");

    // Not the 0600 of a temporary file (the usual umask 022 gives 0644).
    assertThat(Files.getPosixFilePermissions(target)).contains(PosixFilePermission.OWNER_READ,
        PosixFilePermission.OWNER_WRITE, PosixFilePermission.GROUP_READ);
  }

  @Test
  void problemsAreFoundBeforeAnyWork() throws IOException {
    assertThat(AtomicFile.problemWriting(dir.resolve("ok.json"))).isNull();
    assertThat(AtomicFile.problemWriting(dir.resolve("missing/x.json"))).contains("does not exist");
    assertThat(AtomicFile.problemWriting(dir)).isEqualTo("it is a directory");

    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
    // Root may write anywhere: the check asks the OS, so there it rightly finds no problem.
    if (!Files.isWritable(locked)) {
      assertThat(AtomicFile.problemWriting(locked.resolve("x.json"))).contains("is not writable");
    }
  }
}
