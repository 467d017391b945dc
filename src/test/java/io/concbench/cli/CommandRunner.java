package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.result.ReportFixtures;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs concbench in-process with captured output, a fixed environment and no signal handlers. */
final class CommandRunner {

  record Outcome(int status, String out, String err) {}

  private CommandRunner() {}

  /**
   * Starts a thread that cancels once {@code file} exists, after running {@code beforeCancel}; or after 30 s,
   * so that a broken command fails its test instead of hanging it.
   */
  static Thread cancelOnceWritten(Path file, Cancellation cancellation, Runnable beforeCancel) {
    Thread watcher = new Thread(() -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      try {
        while (!Files.exists(file) && System.nanoTime() < deadline) {
          Thread.sleep(1);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      beforeCancel.run();
      cancellation.cancel();
    });
    watcher.start();
    return watcher;
  }

  static Outcome run(String... args) {
    return run(new Cancellation(), args);
  }

  static Outcome run(Cancellation cancellation, String... args) {
    return runWithPluginsVariable(cancellation, null, args);
  }

  /** With CONCBENCH_PLUGINS set to {@code pluginsVariable} (null: unset). */
  static Outcome runWithPluginsVariable(Cancellation cancellation, String pluginsVariable, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Services services = new Services(Clock.SYSTEM, CpuClock.system(), ReportFixtures::environment, cancellation,
        false, false).withPluginsVariable(pluginsVariable);
    int status = Cli.run(args, new PrintWriter(out), new PrintWriter(err), services);
    return new Outcome(status, out.toString(), err.toString());
  }

  /**
   * Runs {@code command} plus the space-separated {@code extra} options with {@code --output} in {@code dir},
   * and checks the refusal every bad input gets: exit 2, one line on stderr containing {@code expected}, no
   * stack trace, nothing on stdout and no file written.
   */
  static void assertRefusedInOneLine(Path dir, List<String> command, String extra, String expected) {
    List<String> args = new ArrayList<>(command);
    Path output = dir.resolve("never.json");
    args.addAll(List.of(extra.trim().split(" ")));
    args.addAll(List.of("--output", output.toString()));

    Outcome outcome = run(args.toArray(String[]::new));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).contains(expected.trim()).doesNotContain("Exception", "\tat ");
    assertThat(outcome.out()).isEmpty();
    assertThat(Files.exists(output)).isFalse();
  }
}
