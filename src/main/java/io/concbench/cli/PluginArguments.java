package io.concbench.cli;

import io.concbench.plugin.PluginException;
import io.concbench.plugin.PluginSource;
import io.concbench.plugin.WorkloadCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plug-ins of a command line, loaded before picocli parses it: {@code --plugin} values (as
 * {@code --plugin JAR} or {@code --plugin=JAR}) and {@code CONCBENCH_PLUGINS}, for the commands that take
 * workloads. A jar that cannot be loaded is a {@link UsageException} naming the option or variable, the jar
 * and the reason: nothing has run and no file has been written yet.
 */
final class PluginArguments {

  /** The commands that name workloads; the others ignore CONCBENCH_PLUGINS and refuse --plugin. */
  static final Set<String> COMMANDS = Set.of("run", "matrix", "advise", "list", "member");

  private PluginArguments() {}

  /** The command's workload catalog: the built-in workloads, and the plug-ins' if the command takes them. */
  static WorkloadCatalog catalog(String[] args, String variable) {
    if (!COMMANDS.contains(command(args))) {
      return WorkloadCatalog.builtIn();
    }
    try {
      return WorkloadCatalog.withPlugins(PluginSource.of(variable, optionValues(args)));
    } catch (PluginException e) {
      throw UsageException.invalid(e.source().origin(), e.jar(), e.reason());
    }
  }

  /**
   * The subcommand: the first argument that is not an option (the top-level options, --debug, --help and
   * --version, take no value); empty if there is none.
   */
  static String command(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg;
      }
    }
    return "";
  }

  /** Every value of --plugin, as picocli will read them (an option without its value is left to picocli). */
  static List<String> optionValues(String[] args) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--")) {
        break;
      }
      if (args[i].equals(PluginSource.OPTION) && i + 1 < args.length) {
        values.add(args[++i]);
      } else if (args[i].startsWith(PluginSource.OPTION + "=")) {
        values.add(args[i].substring(PluginSource.OPTION.length() + 1));
      }
    }
    return values;
  }
}
