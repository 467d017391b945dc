package io.concbench.scripts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** One run of a script under test: its exit status and what it printed, bounded in time. */
record ScriptRun(int status, String out, String err) {

  /** Starts the process, closes its input, and waits for it at most {@code seconds}; then kills it and fails. */
  static ScriptRun of(ProcessBuilder builder, int seconds) throws IOException, InterruptedException {
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", builder.command()) + " did not end in " + seconds + " s");
    }
    return new ScriptRun(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
