package io.concbench.workload.command;

import io.concbench.api.TaskContext;
import io.concbench.api.TaskFailedException;
import io.concbench.api.TaskKernel;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one command per task and waits for it: standard input empty, output discarded (or shown), standard
 * error kept in a file for the last lines of a failure. The wait releases a GIL and ends at Ctrl-C; a command
 * that runs over the task timeout, or whose task is cancelled, is killed with its whole process group, and so
 * is whatever a finished command left running in its group.
 */
final class CommandKernel implements TaskKernel {

  private static final File NO_INPUT = new File("/dev/null");
  /** The first wait before a memory sample; doubled up to the longest, so a short command costs few reads. */
  private static final long FIRST_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  private static final long LONGEST_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final CommandLineTemplate template;
  private final CommandOptions options;
  private Path stderrDirectory;

  CommandKernel(CommandLineTemplate template, CommandOptions options) {
    this.template = template;
    this.options = options;
  }

  @Override
  public long run(int index, TaskContext context) throws InterruptedException {
    // The watchdog first: a command started before it exists would have no one to end it.
    ProcessGroups groups = groups();
    List<String> argv = ProcessGroups.inNewGroup(template.argv(index, options.taskCount()));
    Path stderr = null;
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(argv).redirectInput(NO_INPUT);
      builder.environment().put(ProcessGroups.MARK, ProcessGroups.OWNER);
      if (options.showOutput()) {
        builder.redirectOutput(ProcessBuilder.Redirect.INHERIT).redirectError(ProcessBuilder.Redirect.INHERIT);
      } else {
        stderr = Files.createTempFile(stderrDirectory(), "task-" + index + "-", ".stderr");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderr.toFile());
      }
      process = builder.start();
    } catch (IOException e) {
      deleteQuietly(stderr);
      throw new TaskFailedException("cannot start: " + e.getMessage(), null, -1, false, null);
    }
    Outcome outcome = watch(process, groups, context);
    String tail = stderr == null ? null : tailQuietly(stderr);
    if (outcome.timedOut()) {
      throw new TaskFailedException("ran over --task-timeout " + format(options.taskTimeout())
          + "; its process group was killed", outcome.exitStatus(), process.pid(), true, tail);
    }
    if (outcome.exitStatus() != 0) {
      throw new TaskFailedException("exit status " + outcome.exitStatus(), outcome.exitStatus(), process.pid(),
          false, tail);
    }
    return 0;
  }

  @Override
  public boolean verify(int index, long result) {
    return result == 0;
  }

  /** Waits for the command outside any GIL, sampling its memory; kills its group when it is done with. */
  private Outcome watch(Process process, ProcessGroups groups, TaskContext context)
      throws InterruptedException {
    long pid = process.pid();
    if (groups != null) {
      tell(() -> groups.started(pid));
    }
    long[] peak = {-1};
    try {
      return context.blocking(() -> {
        long start = System.nanoTime();
        long timeout = options.taskTimeout().toNanos();
        long wait = FIRST_SAMPLE_NANOS;
        while (!process.waitFor(timeout > 0 ? Math.min(wait, Math.max(1, start + timeout - System.nanoTime()))
            : wait, TimeUnit.NANOSECONDS)) {
          peak[0] = Math.max(peak[0], ProcessMemory.largestPeakInTree(pid));
          wait = Math.min(2 * wait, LONGEST_SAMPLE_NANOS);
          if (timeout > 0 && System.nanoTime() - start >= timeout) {
            stop(process, groups);
            return new Outcome(process.waitFor(), true);
          }
        }
        return new Outcome(process.exitValue(), false);
      });
    } catch (InterruptedException | RuntimeException e) { // cancelled (Ctrl-C): nothing may outlive the run
      stop(process, groups);
      throw e;
    } finally {
      if (groups != null) {
        tell(() -> groups.kill(pid));
      }
      if (peak[0] > 0) {
        context.childPeakMemory(peak[0]);
      }
    }
  }

  /** Kills the command's group (or, without groups, the command and what it started) and reaps it. */
  private static void stop(Process process, ProcessGroups groups) {
    if (groups != null) {
      tell(() -> groups.kill(process.pid()));
    } else {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    boolean interrupted = Thread.interrupted();
    while (true) {
      try {
        process.waitFor();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static ProcessGroups groups() {
    try {
      return ProcessGroups.watchdog().orElse(null);
    } catch (IOException e) {
      throw new TaskFailedException("cannot start the watchdog of commands' process groups: " + e.getMessage(),
          null, -1, false, null);
    }
  }

  private interface WatchdogCall {
    void call() throws IOException;
  }

  private static void tell(WatchdogCall call) {
    try {
      call.call();
    } catch (IOException e) {
      // The watchdog is gone: only when this JVM is ending, and then it has killed every group it knew.
      throw new TaskFailedException("the watchdog of commands' process groups ended: " + e.getMessage(),
          null, -1, false, null);
    }
  }

  private synchronized Path stderrDirectory() throws IOException {
    if (stderrDirectory == null) {
      stderrDirectory = Files.createTempDirectory("concbench-stderr-");
      stderrDirectory.toFile().deleteOnExit();
    }
    return stderrDirectory;
  }

  private static String tailQuietly(Path stderr) {
    try {
      return StderrTail.of(stderr);
    } catch (IOException e) {
      return null;
    } finally {
      deleteQuietly(stderr);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // A temporary file in a directory deleted at exit.
      }
    }
  }

  private static String format(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }

  private record Outcome(int exitStatus, boolean timedOut) {}
}
