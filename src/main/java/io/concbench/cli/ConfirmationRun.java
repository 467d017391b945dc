package io.concbench.cli;

import io.concbench.process.parent.WorkerCommand;
import io.concbench.result.EnvironmentProbe;
import io.concbench.result.Report;
import io.concbench.result.ReportReader;
import io.concbench.stats.ReportComparison.Key;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code compare --confirm N}: runs CURRENT's recorded command line again on this machine, limited to the
 * workloads and executors of the flagged results, with N measured runs, in a child JVM under CURRENT's
 * recorded conditions ({@link ConfirmationJvm}), and reads what it measured. The re-run interleaves its runs
 * as any run does, so a regression that was one bad minute does not reproduce.
 */
final class ConfirmationRun {

  /**
   * Options of the recorded command that the re-run replaces: what it measures, how many runs, where it
   * writes; and --plugin, whose jars the child is given by the absolute paths the report recorded, checked.
   */
  private static final Set<String> REPLACED = Set.of("--workload", "--executor", "--runs", "--format", "--output",
      "--export", "--plugin");
  private static final Set<String> RERUNNABLE = Set.of("run", "matrix");

  private ConfirmationRun() {}

  /** The arguments of the re-run (without the leading "concbench"); exit 2 if the command cannot be re-run. */
  static List<String> arguments(List<String> recorded, String file, List<Key> flagged, int runs) {
    if (recorded == null || recorded.size() < 2 || !recorded.get(0).equals("concbench")
        || !RERUNNABLE.contains(recorded.get(1))) {
      throw new UsageException("--confirm: " + file + " does not record a 'concbench run' or 'concbench matrix' "
          + "command line to re-run (command_line: " + recorded + ")");
    }
    List<String> args = new ArrayList<>();
    args.add(recorded.get(1));
    for (int i = 2; i < recorded.size(); i++) {
      String arg = recorded.get(i);
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (REPLACED.contains(name)) {
        if (!arg.contains("=")) {
          i++; // its value
        }
        continue;
      }
      args.add(arg);
    }
    Set<String> workloads = new LinkedHashSet<>();
    Set<String> executors = new LinkedHashSet<>();
    flagged.forEach(k -> {
      workloads.add(k.workload());
      executors.add(k.executor());
    });
    args.addAll(List.of("--workload", String.join(",", workloads), "--executor", String.join(",", executors),
        "--runs", Integer.toString(runs), "--format", "json"));
    return args;
  }

  /**
   * Runs the arguments in a child JVM under the recorded conditions, its warnings passed on to {@code err};
   * the report it printed, kept in {@code output} while it is read. The child prints its JSON rather than
   * writing an --output of its own: a run asked to save a report warns when it has too few runs to serve
   * as a baseline, which is true of a few confirming runs and no concern of the user's.
   */
  static Report run(List<String> args, ConfirmationJvm jvm, Path output, PrintWriter err) {
    List<String> archive = jvm.archiveOptions(WorkerCommand.defaultCacheDirectory());
    ProcessBuilder builder = new ProcessBuilder(jvm.command(archive, args))
        .redirectOutput(output.toFile())
        .redirectErrorStream(false);
    Map<String, String> environment = builder.environment();
    ConfirmationJvm.JVM_OPTION_VARIABLES.forEach(environment::remove);
    if (archive.isEmpty()) {
      environment.remove(EnvironmentProbe.ADDED_JVM_OPTION_VARIABLE);
    } else {
      environment.put(EnvironmentProbe.ADDED_JVM_OPTION_VARIABLE, archive.get(0));
    }
    if (jvm.pluginsVariable() == null) {
      environment.remove(ConfirmationJvm.PLUGINS_VARIABLE);
    } else {
      environment.put(ConfirmationJvm.PLUGINS_VARIABLE, jvm.pluginsVariable());
    }
    int status = waitFor(builder, output, err);
    if (status == ExitCodes.INTERRUPTED) {
      deleteQuietly(output);
      throw new Interrupted();
    }
    // Exit 1 (a task failed, a counter lost updates) still wrote what it measured: judge that.
    if (status == ExitCodes.USAGE || isEmpty(output)) {
      deleteQuietly(output);
      throw new UsageException("--confirm: re-running the recorded command failed (exit " + status + "): "
          + String.join(" ", jvm.command(args)));
    }
    try {
      return ReportReader.read(output);
    } catch (ReportReader.BadReportException e) {
      throw new UsageException("--confirm: " + e.getMessage());
    } finally {
      deleteQuietly(output);
    }
  }

  /**
   * Starts the child, copies its stderr line by line, and waits for it. If compare itself is ended (Ctrl-C
   * reaches the child too; SIGTERM may reach compare alone), a shutdown hook ends the child and removes its
   * file, so that no re-run outlives the compare that started it. The child also watches compare
   * ({@link ParentLiveness}): a compare killed with SIGKILL runs no hook, and one stopped in the moment
   * between the child's start and the hook's registration would leave it running.
   */
  private static int waitFor(ProcessBuilder builder, Path output, PrintWriter err) {
    builder.environment().put(ParentLiveness.VARIABLE, Long.toString(ProcessHandle.current().pid()));
    // Registered before the child starts: a compare stopped while it starts must still remove the file.
    AtomicReference<Process> started = new AtomicReference<>();
    Thread hook = new Thread(() -> {
      Process running = started.get();
      if (running != null) {
        running.destroy();
      }
      deleteQuietly(output);
    }, "concbench-confirm-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    Process child;
    try {
      child = builder.start();
      started.set(child);
    } catch (IOException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook removes the file
      }
      throw new UsageException("--confirm: cannot start " + builder.command().get(0) + ": " + e.getMessage());
    }
    Thread copier = new Thread(() -> copyLines(child.getErrorStream(), err), "concbench-confirm-stderr");
    copier.setDaemon(true);
    copier.start();
    try {
      int status = child.waitFor();
      copier.join();
      return status;
    } catch (InterruptedException e) {
      child.destroy();
      Thread.currentThread().interrupt();
      return ExitCodes.INTERRUPTED;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: it ends the child itself
      }
    }
  }

  private static void copyLines(InputStream in, PrintWriter err) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (err) {
          err.println(line);
          err.flush();
        }
      }
    } catch (IOException e) {
      // the child is gone; its exit status says what happened
    }
  }

  private static boolean isEmpty(Path file) {
    try {
      return Files.size(file) == 0;
    } catch (IOException e) {
      return true;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // a temporary file left behind is no reason to fail a comparison
    }
  }

  /** The user interrupted the re-run. */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super(null, null, false, false);
    }
  }
}
