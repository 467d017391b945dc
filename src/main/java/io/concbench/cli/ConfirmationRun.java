package io.concbench.cli;

import io.concbench.result.Report;
import io.concbench.result.ReportReader;
import io.concbench.stats.ReportComparison.Key;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code compare --confirm N}: runs CURRENT's recorded command line again on this machine, limited to the
 * workloads and executors of the flagged results, with N measured runs, and reads what it measured. The
 * re-run interleaves its runs as any run does, so a regression that was one bad minute does not reproduce.
 */
final class ConfirmationRun {

  /** Options of the recorded command that the re-run replaces: what it measures, how many runs, where it writes. */
  private static final Set<String> REPLACED = Set.of("--workload", "--executor", "--runs", "--format", "--output",
      "--export");
  private static final Set<String> RERUNNABLE = Set.of("run", "matrix");

  private ConfirmationRun() {}

  /** The arguments of the re-run (without the leading "concbench"); exit 2 if the command cannot be re-run. */
  static List<String> arguments(List<String> recorded, String file, List<Key> flagged, int runs, Path output) {
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
        "--runs", Integer.toString(runs), "--format", "json", "--output", output.toString()));
    return args;
  }

  /** Runs the arguments in this JVM, its progress and warnings on {@code err}; the report it wrote. */
  static Report run(List<String> args, PrintWriter err, Services services) {
    Path output = Path.of(args.get(args.indexOf("--output") + 1));
    int status = Cli.run(args.toArray(String[]::new), new PrintWriter(Writer.nullWriter()), err, services);
    if (status == ExitCodes.INTERRUPTED) {
      throw new Interrupted();
    }
    if (status == ExitCodes.USAGE || !Files.exists(output)) {
      throw new UsageException("--confirm: re-running the recorded command failed (exit " + status + "): concbench "
          + String.join(" ", args));
    }
    try {
      return ReportReader.read(output);
    } catch (ReportReader.BadReportException e) {
      throw new UsageException("--confirm: " + e.getMessage());
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // a temporary file left behind is no reason to fail a comparison
      }
    }
  }

  /** The user interrupted the re-run. */
  static final class Interrupted extends RuntimeException {
    Interrupted() {
      super(null, null, false, false);
    }
  }
}
