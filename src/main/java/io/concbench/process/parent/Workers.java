package io.concbench.process.parent;

import io.concbench.executor.ProcessSettings;

/** The worker command for a run's settings. */
final class Workers {

  private Workers() {}

  static WorkerCommand command(ProcessSettings settings) {
    return WorkerCommand.of(settings.java(), settings.jvmArgs(), WorkerCommand.defaultCacheDirectory(),
        settings.pluginJars());
  }
}
