package io.concbench.workload.command;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * A command as the user wrote it, and the words that start one task of it: through a shell ({@code sh -c
 * CMD}, or another shell's {@code -c}) or, with no shell, split into words the way a shell would split plain
 * quoted text (what hyperfine's {@code -N} does). {@code {i}} becomes the task's index, {@code {n}} the run's
 * task count.
 */
public final class CommandLineTemplate {

  /** The shell a command runs under when the user does not say: POSIX's. */
  public static final String DEFAULT_SHELL = "sh";
  /** Runs the command's words directly. */
  public static final String NO_SHELL = "none";

  private final String command;
  private final String shellBinary;
  private final List<String> words;

  private CommandLineTemplate(String command, String shellBinary, List<String> words) {
    this.command = command;
    this.shellBinary = shellBinary;
    this.words = words;
  }

  /**
   * The template of {@code command} under {@code shell} ({@code sh}, {@code none} or a path to a shell);
   * {@link IllegalArgumentException} with a one-line message if either cannot be run.
   */
  public static CommandLineTemplate of(String command, String shell) {
    if (command.isBlank()) {
      throw new IllegalArgumentException("invalid value for --command: '" + command + "' (empty: give the "
          + "command that each task runs, --command CMD)");
    }
    if (shell.equals(NO_SHELL)) {
      List<String> words = ShellWords.split(command);
      return new CommandLineTemplate(command, null, words);
    }
    String binary = shell.equals(DEFAULT_SHELL) ? "/bin/sh" : shell;
    File file = new File(binary);
    if (!file.isFile() || !file.canExecute()) {
      throw new IllegalArgumentException("invalid value for --shell: '" + shell + "' (not an executable file; "
          + "use sh, none or the path to a shell)");
    }
    return new CommandLineTemplate(command, binary, List.of());
  }

  /** The words that start task {@code index} of a run of {@code taskCount} tasks. */
  public List<String> argv(int index, int taskCount) {
    if (shellBinary != null) {
      return List.of(shellBinary, "-c", substitute(command, index, taskCount));
    }
    List<String> argv = new ArrayList<>(words.size());
    for (String word : words) {
      argv.add(substitute(word, index, taskCount));
    }
    return argv;
  }

  static String substitute(String text, int index, int taskCount) {
    if (text.indexOf('{') < 0) {
      return text;
    }
    return text.replace("{i}", Integer.toString(index)).replace("{n}", Integer.toString(taskCount));
  }
}
