package io.concbench.cli;

import io.concbench.plugin.WorkloadCatalog;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Builds the command line with its error handling: bad input is one line and exit 2, never a stack trace. */
public final class Cli {

  private Cli() {}

  /** Runs {@code args} and returns the exit status; only {@code Main} turns it into {@code System.exit}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err, Services services) {
    return run(args, out, err, services, null);
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter, Services)}, ab's sides started by {@code launcher}. */
  static int run(String[] args, PrintWriter out, PrintWriter err, Services services, AbLauncher launcher) {
    int direct = DirectAnswers.answer(args, out, services.pluginsVariable());
    if (direct != DirectAnswers.NOT_DIRECT) {
      return direct;
    }
    WorkloadCatalog catalog;
    try {
      catalog = PluginArguments.catalog(args, services.pluginsVariable());
    } catch (UsageException e) {
      err.println("concbench " + PluginArguments.command(args) + ": " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    Factory factory = new Factory(services, catalog, launcher);
    CommandLine commandLine = new CommandLine(new ConcbenchCommand(), factory);
    for (Class<?> command : commandsFor(args)) {
      commandLine.addSubcommand(new CommandLine(command, factory));
    }
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(parameterErrors());
    commandLine.setExecutionExceptionHandler(executionErrors());
    int status = commandLine.execute(args);
    out.flush();
    err.flush();
    return status;
  }

  /**
   * The command the arguments name, alone; every command when they name none (help, a typo, no command) or
   * name {@code completion}, whose script covers them all.
   */
  static List<Class<?>> commandsFor(String[] args) {
    for (String arg : args) {
      if (arg.startsWith("-")) {
        continue; // concbench's own options (--debug, --help, --version) take no value
      }
      for (Class<?> command : ConcbenchCommand.COMMANDS) {
        if (command != CompletionCommand.class && command.getAnnotation(Command.class).name().equals(arg)) {
          return List.of(command);
        }
      }
      break;
    }
    return ConcbenchCommand.COMMANDS;
  }

  private static IParameterExceptionHandler parameterErrors() {
    return (ParameterException e, String[] args) -> {
      if (e.getCause() instanceof BadValue bad && e.getArgSpec() instanceof OptionSpec option) {
        // A converter's refusal: the same line as a refusal after parsing, which needs no pointer to help.
        return usageError(e.getCommandLine(), bad.line(option.longestName()));
      }
      if (e instanceof UnmatchedArgumentException unmatched && unknownCommand(unmatched) != null) {
        return usageError(e.getCommandLine(), unknownCommand(unmatched));
      }
      String message = e.getMessage();
      if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
        message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
      }
      PrintWriter err = e.getCommandLine().getErr();
      err.println(prefix(e.getCommandLine()) + message + " (see '"
          + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      err.flush();
      return ExitCodes.USAGE;
    };
  }

  /**
   * "unknown command 'rn' (did you mean 'run'?)" when the first word left over is where a command was
   * expected; null otherwise. picocli's own words, "Unmatched arguments from index 0", name no command and
   * suggest none for a short typo.
   */
  private static String unknownCommand(UnmatchedArgumentException e) {
    CommandLine commandLine = e.getCommandLine();
    List<String> unmatched = e.getUnmatched();
    boolean expectsCommand = !commandLine.getSubcommands().isEmpty()
        && commandLine.getParseResult() != null && !commandLine.getParseResult().hasSubcommand();
    if (!expectsCommand || unmatched.isEmpty() || unmatched.get(0).startsWith("-")) {
      return null;
    }
    String word = unmatched.get(0);
    List<String> commands = List.copyOf(commandLine.getSubcommands().keySet());
    return "unknown command '" + word + "' (" + Names.closest(word, commands).map(c -> "did you mean '" + c + "'?")
        .orElse("expected one of: " + String.join(", ", commands)) + ")";
  }

  private static IExecutionExceptionHandler executionErrors() {
    return (Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (e instanceof UsageException) {
        return usageError(commandLine, e.getMessage());
      }
      boolean debug = parseResult.hasMatchedOption("--debug")
          || commandLine.getParseResult() != null && commandLine.getParseResult().hasMatchedOption("--debug");
      err.println(prefix(commandLine) + "error: " + e.getMessage()
          + (debug ? "" : " (run with --debug for the stack trace)"));
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return ExitCodes.FAILED;
    };
  }

  private static int usageError(CommandLine commandLine, String message) {
    commandLine.getErr().println(prefix(commandLine) + message);
    commandLine.getErr().flush();
    return ExitCodes.USAGE;
  }

  private static String prefix(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName() + ": ";
  }

  /**
   * Creates commands with their services, and what names workloads with the command's catalog (built-in
   * and plug-in workloads); everything else the default way.
   */
  static final class Factory implements CommandLine.IFactory {
    private final Services services;
    private final WorkloadCatalog catalog;
    private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

    private final AbLauncher launcher;

    Factory(Services services, WorkloadCatalog catalog) {
      this(services, catalog, null);
    }

    /** With {@code launcher} for ab's sides (tests script them); null for the real child JVMs. */
    Factory(Services services, WorkloadCatalog catalog, AbLauncher launcher) {
      this.services = services;
      this.catalog = catalog;
      this.launcher = launcher;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == Names.ToWorkload.class) {
        return type.cast(new Names.ToWorkload(catalog));
      }
      if (type == Names.WorkloadNames.class) {
        return type.cast(new Names.WorkloadNames(catalog));
      }
      if (type == ListCommand.class) {
        return type.cast(new ListCommand(catalog));
      }
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(services, catalog));
      }
      if (type == CompareCommand.class) {
        return type.cast(new CompareCommand(services));
      }
      if (type == AbCommand.class) {
        return type.cast(launcher == null ? new AbCommand(services) : new AbCommand(services, launcher));
      }
      if (type == MatrixCommand.class) {
        return type.cast(new MatrixCommand(services, catalog));
      }
      if (type == MemberServeCommand.class) {
        return type.cast(new MemberServeCommand(catalog));
      }
      if (type == AdviseCommand.class) {
        return type.cast(new AdviseCommand(services, catalog));
      }
      return fallback.create(type);
    }
  }
}
