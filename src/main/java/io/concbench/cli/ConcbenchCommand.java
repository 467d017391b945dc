package io.concbench.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The top-level command: {@code concbench [--version] [--help] COMMAND}. Its commands are added by
 * {@link Cli} ({@link #COMMANDS}), not named here: picocli builds the model of every command it is given by
 * reflection before it parses a word, a fifth of the Java time of a short {@code run} in a cold JVM (an
 * {@code ab} side), so a command line that names its command gets that one only.
 */
@Command(
    name = "concbench",
    mixinStandardHelpOptions = true,
    versionProvider = ConcbenchCommand.VersionProvider.class,
    description = "Measures how concurrency strategies behave on real work.",
    footer = {"", "Start with: concbench list; then: concbench run --workload cpu --executor thread-pool"})
public final class ConcbenchCommand implements Callable<Integer> {

  /** The commands, in the order help lists them. */
  static final List<Class<?>> COMMANDS = List.of(RunCommand.class, MatrixCommand.class, AdviseCommand.class,
      CompareCommand.class, AbCommand.class, ReportCommand.class, SystemCommand.class, MemberServeCommand.class,
      ListCommand.class, CompletionCommand.class);

  @Spec CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Show stack traces of internal errors.")
  boolean debug;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("concbench: missing command (see 'concbench --help')");
    spec.commandLine().getErr().flush();
    return ExitCodes.USAGE;
  }

  /** "concbench 0.1.0 (Java 17.0.15, OpenJDK 64-Bit Server VM)". */
  public static final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {DirectAnswers.versionLine()};
    }
  }
}
