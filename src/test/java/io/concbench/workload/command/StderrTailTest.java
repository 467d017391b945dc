package io.concbench.workload.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StderrTailTest {

  @TempDir Path dir;

  @Test
  void keepsTheLastFiveLinesWithoutTheTrailingNewline() {
    assertThat(StderrTail.lastLines("1\n2\n3\n4\n5\n6\n7\n")).isEqualTo("3\n4\n5\n6\n7");
    assertThat(StderrTail.lastLines("only\n")).isEqualTo("only");
  }

  @Test
  void nothingWrittenIsNull() {
    assertThat(StderrTail.lastLines("\n  \n")).isNull();
  }

  @Test
  void readsOnlyTheEndOfALongFile() throws Exception {
    Path file = dir.resolve("err");
    Files.writeString(file, "x".repeat(100_000) + "\nTraceback\nValueError: bad\n");
    assertThat(StderrTail.of(file)).endsWith("Traceback\nValueError: bad").hasSizeLessThanOrEqualTo(
        StderrTail.MAX_BYTES);
  }
}
