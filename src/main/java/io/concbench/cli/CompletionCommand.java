package io.concbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Spec;

/** {@code concbench completion}: a bash completion script, generated from the same command model as help. */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = "Prints a bash (and zsh) completion script: source <(concbench completion)")
public final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    labelByName(root);
    spec.commandLine().getOut().print(AutoComplete.bash("concbench", root));
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  /**
   * Gives every option with completion candidates a label of its own name, in this command and below.
   * picocli names the script's list of candidates after the option's label: --workload and --executor, both
   * labelled NAME, shared one list, and the second won (--workload offered executors). The labels are help's
   * only; this model is used for the script alone, and the command ends after printing it.
   */
  static void labelByName(CommandLine commandLine) {
    CommandSpec command = commandLine.getCommandSpec();
    List<OptionSpec> options = new ArrayList<>(command.options());
    for (OptionSpec option : options) {
      // Inherited options (--debug) are the root's: relabelled there, or picocli sees one name twice.
      if (option.completionCandidates() != null && option.group() == null && !option.inherited()) {
        command.remove(option);
        String label = option.longestName().replaceFirst("^-+", "").toUpperCase(Locale.ROOT);
        command.addOption(OptionSpec.builder(option).paramLabel(label).build());
      }
    }
    commandLine.getSubcommands().values().forEach(CompletionCommand::labelByName);
  }
}
