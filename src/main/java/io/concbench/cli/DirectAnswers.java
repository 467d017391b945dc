package io.concbench.cli;

import io.concbench.plugin.WorkloadCatalog;
import io.concbench.result.Version;
import java.io.PrintWriter;

/**
 * `--version` and a bare `list` need nothing of the command model, whose construction (every command's
 * options, by reflection) is most of concbench's start-up: answered here, before anything else is loaded,
 * they start about as fast as the JVM. Anything else, `list --help` included, goes through picocli.
 */
public final class DirectAnswers {

  /** Returned when the arguments are not a direct question. */
  public static final int NOT_DIRECT = -1;

  private DirectAnswers() {}

  /**
   * Answers and returns the exit status, or {@link #NOT_DIRECT}.
   *
   * @param pluginsVariable CONCBENCH_PLUGINS, or null: with plug-ins to load, {@code list} is not direct
   */
  public static int answer(String[] args, PrintWriter out, String pluginsVariable) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      out.println(versionLine());
      out.flush();
      return ExitCodes.OK;
    }
    if (args.length == 1 && args[0].equals("list") && (pluginsVariable == null || pluginsVariable.isBlank())) {
      ListCommand.print(out, WorkloadCatalog.builtIn());
      return ExitCodes.OK;
    }
    return NOT_DIRECT;
  }

  /**
   * "concbench 0.1.0 (Java 17.0.15, OpenJDK 64-Bit Server VM)". Built without '+': javac turns string
   * concatenation into invokedynamic, whose first use loads a hundred classes of java.lang.invoke.
   */
  static String versionLine() {
    return new StringBuilder("concbench ").append(Version.current()).append(" (Java ")
        .append(System.getProperty("java.version")).append(", ").append(System.getProperty("java.vm.name"))
        .append(')').toString();
  }
}
