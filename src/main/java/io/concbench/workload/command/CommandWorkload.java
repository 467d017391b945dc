package io.concbench.workload.command;

import io.concbench.api.ParamSpec;
import io.concbench.api.ParamValues;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.util.List;

/**
 * Any command as a workload: each task runs it once and waits for it (docs/commands.md). Its CPU time is
 * the commands' own, counted when they are waited for. Whether it computes or waits is the command's
 * business: the run's capacity is probed as for computing work, and the speedup bound from the baseline's
 * share of a core tells the two apart, as for {@code mixed}.
 */
public final class CommandWorkload implements Workload {

  public static final String NAME = "command";
  static final int DEFAULT_TASKS = 16;
  static final ParamSpec COMMAND = ParamSpec.text("command", "", 16_384,
      "the command each task runs; {i} is the task's index, {n} the task count (usually set by --command)");
  static final ParamSpec SHELL = ParamSpec.text("shell", CommandLineTemplate.DEFAULT_SHELL, 4096,
      "sh, none (split into words and run directly) or the path to a shell (usually set by --shell)");

  private final CommandOptions options;

  public CommandWorkload() {
    this(CommandOptions.DEFAULT);
  }

  private CommandWorkload(CommandOptions options) {
    this.options = options;
  }

  /** This workload with the options of a run: the same workload in results, run as they say. */
  public CommandWorkload with(CommandOptions options) {
    return new CommandWorkload(options);
  }

  /** The command's template; {@link IllegalArgumentException} with a one-line message if it cannot run. */
  public static CommandLineTemplate template(ParamValues values) {
    return CommandLineTemplate.of(values.text(COMMAND.name()), values.text(SHELL.name()));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "runs a command per task (--command CMD): your own work, in its own process";
  }

  @Override
  public List<ParamSpec> params() {
    return List.of(COMMAND, SHELL);
  }

  @Override
  public int defaultTasks() {
    return DEFAULT_TASKS;
  }

  @Override
  public boolean startsProcesses() {
    return true;
  }

  @Override
  public TaskKernel bind(ParamValues values) {
    return new CommandKernel(template(values), options);
  }

  // One workload whatever its options: they are how it runs, not what it is.
  @Override
  public boolean equals(Object other) {
    return other instanceof CommandWorkload;
  }

  @Override
  public int hashCode() {
    return NAME.hashCode();
  }
}
