package io.concbench.cli;

import io.concbench.api.Workload;
import io.concbench.plugin.Plugin;
import io.concbench.result.LoadedPlugin;
import java.util.List;

/** The loaded plug-ins as a report records them (environment.plugins). */
final class PluginRecords {

  private PluginRecords() {}

  static List<LoadedPlugin> of(List<Plugin> plugins) {
    return plugins.stream().map(p -> new LoadedPlugin(p.jar().toString(), p.sha256(), p.name(), p.version(),
        p.workloads().stream().map(Workload::name).toList())).toList();
  }
}
