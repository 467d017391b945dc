package io.concbench.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code concbench completion}: a bash completion script, generated from the same command model as help. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Prints a bash (and zsh) completion script: source <(concbench completion)")
public final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("concbench", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }
}
