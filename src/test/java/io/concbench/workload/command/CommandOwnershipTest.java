package io.concbench.workload.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.Main;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No command outlives concbench: a real concbench JVM running ten-minute commands is killed with SIGKILL (no
 * code of its own runs: the watchdog must do it) or SIGTERM (never SIGINT, which a JVM started from a CI
 * background job ignores). Every wait has a deadline on an observable event.
 */
class CommandOwnershipTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"KILL", "TERM"})
  @Timeout(120)
  void noCommandOutlivesConcbench(String signal) throws Exception {
    Process parent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
        "run", "--command", "sleep 600", "--executor", "thread-pool", "--workers", "2", "--tasks", "4",
        "--runs", "1", "--warmup", "0", "--baseline", "none", "--capacity", "off", "--quiet")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(new File(dir.resolve("stderr").toString()))
        .start();
    List<ProcessHandle> sleepers = awaitSleepers(parent, 2);

    if (signal.equals("KILL")) {
      parent.destroyForcibly();
    } else {
      parent.destroy();
    }

    assertThat(parent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    if (signal.equals("TERM")) {
      assertThat(parent.exitValue()).isEqualTo(130);
    }
    for (ProcessHandle sleeper : sleepers) {
      assertThat(sleeper.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get())
          .as("command %d ended with concbench", sleeper.pid()).isNotNull();
    }
  }

  /** The running {@code sleep 600} commands under the parent: they are in groups of their own, not its. */
  private static List<ProcessHandle> awaitSleepers(Process parent, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      List<ProcessHandle> sleepers = parent.descendants()
          .filter(p -> p.info().command().map(c -> c.endsWith("/sleep")).orElse(false)).toList();
      if (sleepers.size() >= count) {
        return sleepers;
      }
      assertThat(parent.isAlive()).as("concbench still running while its commands start").isTrue();
      Thread.sleep(20); // polling an observable state, bounded by the deadline
    }
    throw new AssertionError("concbench did not start " + count + " commands within 60 s");
  }
}
