package io.concbench.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --plugin JAR} of {@code run}, {@code matrix} and {@code list}. A picocli mixin for help, completion
 * and parsing only: the jars are loaded before picocli parses anything ({@link PluginArguments}), because
 * {@code --workload} names are checked while they are parsed and may name a plug-in's workload given later
 * on the line.
 */
final class PluginOptions {

  @Option(names = "--plugin", paramLabel = "JAR",
      description = "A jar of workloads to load (docs/plugins.md), repeatable; also CONCBENCH_PLUGINS, "
          + "a ':'-separated list of jars.")
  List<String> jars = new ArrayList<>();
}
