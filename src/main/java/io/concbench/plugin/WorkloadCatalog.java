package io.concbench.plugin;

import io.concbench.api.Workload;
import io.concbench.workload.WorkloadRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every workload a command may name: the built-in ones, then those of the plug-ins, in the order the
 * plug-ins were given. Names are unique across all of them (checked when the plug-ins load), so a name in a
 * report means one thing.
 */
public final class WorkloadCatalog {

  private static final WorkloadCatalog BUILT_IN = new WorkloadCatalog(List.of());

  private final List<Plugin> plugins;
  private final List<Workload> all;

  private WorkloadCatalog(List<Plugin> plugins) {
    this.plugins = List.copyOf(plugins);
    List<Workload> workloads = new ArrayList<>(WorkloadRegistry.all());
    for (Plugin plugin : plugins) {
      workloads.addAll(plugin.workloads());
    }
    this.all = List.copyOf(workloads);
  }

  /** The built-in workloads alone. */
  public static WorkloadCatalog builtIn() {
    return BUILT_IN;
  }

  /**
   * The built-in workloads and those of each plug-in, each jar in a class loader of its own whose parent
   * is concbench's. Refuses the first jar that cannot be loaded, or whose workload has the name of a
   * built-in one or of another plug-in's.
   */
  public static WorkloadCatalog withPlugins(List<PluginSource> sources) throws PluginException {
    if (sources.isEmpty()) {
      return BUILT_IN;
    }
    PluginLoader loader = new PluginLoader(WorkloadCatalog.class.getClassLoader());
    List<Plugin> loaded = new ArrayList<>();
    for (PluginSource source : sources) {
      Plugin plugin = loader.load(source);
      for (Workload workload : plugin.workloads()) {
        if (WorkloadRegistry.find(workload.name()).isPresent()) {
          throw new PluginException(source, "its workload '" + workload.name() + "' has the name of a built-in "
              + "workload");
        }
        for (Plugin other : loaded) {
          for (Workload taken : other.workloads()) {
            if (taken.name().equals(workload.name())) {
              throw new PluginException(source, "its workload '" + workload.name() + "' has the name of a "
                  + "workload of " + other.jar());
            }
          }
        }
      }
      loaded.add(plugin);
    }
    return new WorkloadCatalog(loaded);
  }

  public List<Workload> all() {
    return all;
  }

  public List<String> names() {
    return all.stream().map(Workload::name).toList();
  }

  public Optional<Workload> find(String name) {
    return all.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  public List<Plugin> plugins() {
    return plugins;
  }

  /** The jars of the plug-ins these workloads come from, each once, in the order of the workloads. */
  public List<Path> jarsOf(List<Workload> workloads) {
    List<Path> jars = new ArrayList<>();
    for (Workload workload : workloads) {
      pluginOf(workload).map(Plugin::jar).filter(jar -> !jars.contains(jar)).ifPresent(jars::add);
    }
    return jars;
  }

  /** The plug-in a workload comes from; empty for a built-in one. */
  public Optional<Plugin> pluginOf(Workload workload) {
    return plugins.stream().filter(p -> p.workloads().contains(workload)).findFirst();
  }
}
