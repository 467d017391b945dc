package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the tests that interrupt a real concbench child JVM wait for and read: its report file, its stderr. */
final class ChildJvmOutput {

  private ChildJvmOutput() {}

  /**
   * Polls an observable state (the report on disk, written once the child has something to keep), bounded
   * by a deadline, failing at once if the child ends first.
   */
  static void awaitFile(Path file, Process child, long limitSeconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
    while (!Files.exists(file)) {
      assertThat(child.isAlive()).as("the child still running before it wrote " + file.getFileName()).isTrue();
      assertThat(System.nanoTime()).as(file.getFileName() + " written within " + limitSeconds + " s")
          .isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  /** All of a stream, or what was read before it failed: the child's stderr, for the assertions' messages. */
  static String readAll(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
