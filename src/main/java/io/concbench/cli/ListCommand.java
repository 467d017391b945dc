package io.concbench.cli;

import io.concbench.api.ParamSpec;
import io.concbench.api.Workload;
import io.concbench.executor.Executor;
import io.concbench.executor.Guard;
import io.concbench.plugin.Plugin;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.registry.ExecutorRegistry;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code concbench list}: every workload, executor and guard, from the same registries the code uses. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists workloads with their parameters, executors (and why one is unavailable), and guards.")
public final class ListCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** Parsed for help and completion; the catalog already holds the plug-ins' workloads. */
  @Mixin PluginOptions plugins;

  private final WorkloadCatalog catalog;

  public ListCommand() {
    this(WorkloadCatalog.builtIn());
  }

  ListCommand(WorkloadCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Integer call() {
    print(spec.commandLine().getOut(), catalog);
    return ExitCodes.OK;
  }

  /** The listing itself; also printed by {@link Cli#run} without building the command model. */
  static void print(PrintWriter out, WorkloadCatalog catalog) {
    int nameWidth = 17;
    out.println("Workloads (--workload), with parameters (--param KEY=VALUE) and their defaults:");
    for (Workload w : catalog.all()) {
      out.println("  " + pad(w.name(), nameWidth) + w.description());
      Optional<Plugin> plugin = catalog.pluginOf(w);
      if (plugin.isPresent()) {
        out.println("  " + pad("", nameWidth) + "from plug-in " + plugin.get().name()
            + (plugin.get().version() == null ? "" : " " + plugin.get().version()) + " (" + plugin.get().jar() + ")");
      }
      out.println("  " + pad("", nameWidth) + "default tasks: " + w.defaultTasks());
      for (ParamSpec p : w.params()) {
        // Plain concatenation, not String.format: java.util.Formatter would be a fifth of list's start-up.
        out.println("  " + pad("", nameWidth) + p.name() + "=" + p.format(p.defaultValue())
            + (p.unit().isEmpty() ? "" : " " + p.unit()) + "  " + p.description() + " (" + p.range() + ")");
      }
    }
    out.println();
    out.println("Executors (--executor):");
    for (Executor e : ExecutorRegistry.all()) {
      Optional<String> unavailable = e.unavailableReason(); // no lambda on list's path: see ExecutorRegistry
      String text = unavailable.isPresent() ? "unavailable: " + unavailable.get() : e.traits().description();
      out.println("  " + pad(e.name(), nameWidth) + text);
    }
    out.println();
    out.println("Guards (--guard) of the shared counter, for the counter workload and the lock executor:");
    for (Guard g : Guard.values()) {
      out.println("  " + pad(g.label(), nameWidth) + g.description());
    }
    out.println();
    out.println("Time one combination with 'concbench run'; every combination of comma-separated lists of");
    out.println("--workload, --executor, --workers, --guard, --chunksize and --param values with 'concbench matrix'.");
    out.flush();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(1, width - text.length()));
  }
}
