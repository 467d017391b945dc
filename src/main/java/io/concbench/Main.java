package io.concbench;

import io.concbench.cli.Cli;
import io.concbench.cli.DirectAnswers;
import io.concbench.cli.ExitCodes;
import io.concbench.cli.ParentLiveness;
import io.concbench.cli.Services;
import io.concbench.plugin.PluginSource;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The command-line entry point: the only place that calls {@code System.exit}. */
public final class Main {

  private Main() {}

  private static final String FORK_JOIN_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  public static void main(String[] args) {
    // Before anything uses the common fork-join pool: on 2 CPUs its parallelism is 1, and the cluster
    // executor's Hazelcast client then starts a thread per async completion (tiny tasks: 1.2 ms each instead
    // of 0.2 ms, measured). A property, so it costs nothing until the pool is used; the user's value wins.
    if (System.getProperty(FORK_JOIN_PARALLELISM) == null) {
      System.setProperty(FORK_JOIN_PARALLELISM, "4");
    }
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // Direct answers first: they must not pay for building the services or the command model.
    int direct = DirectAnswers.answer(args, out, System.getenv(PluginSource.VARIABLE));
    if (direct == ExitCodes.OK) {
      // A plain return ends the JVM too (a direct answer starts no thread), without System.exit: on JDK 21+
      // that first sets up System.Logger to log the exit, 10 ms of `--version` and `list`.
      return;
    }
    if (direct != DirectAnswers.NOT_DIRECT) {
      System.exit(direct);
    }
    // A run started by `concbench ab` ends with it.
    ParentLiveness.watch(System.getenv(ParentLiveness.VARIABLE));
    try {
      System.exit(Cli.run(args, out, err, Services.system()));
    } catch (NoClassDefFoundError missing) {
      // The jar names its libraries in its manifest, in lib/ beside it: a jar copied alone lands here.
      String name = String.valueOf(missing.getMessage());
      if (name.startsWith("io/concbench/") || name.startsWith("Could not initialize")) {
        throw missing; // not a missing library: a bug, with its stack trace
      }
      err.println("concbench: a library is missing (" + missing.getMessage() + "): concbench.jar needs the lib/"
          + " directory it was built with beside it");
      System.exit(ExitCodes.USAGE);
    }
  }
}
