package io.concbench.workload.command;

import java.time.Duration;

/**
 * How commands run, set by options rather than parameters: they do not change what is measured, only what
 * is shown and when a stuck command is given up on.
 *
 * @param taskCount what {@code {n}} stands for: the run's task count
 * @param taskTimeout a command running longer is killed with its process group; zero for no limit
 * @param showOutput true to let commands write to concbench's standard output and error
 */
public record CommandOptions(int taskCount, Duration taskTimeout, boolean showOutput) {

  public static final CommandOptions DEFAULT = new CommandOptions(CommandWorkload.DEFAULT_TASKS, Duration.ZERO,
      false);
}
