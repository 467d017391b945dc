package io.concbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where a report was measured: a comparison across machines or JDKs is usually meaningless.
 *
 * @param plugins the plug-ins loaded for the run (--plugin, CONCBENCH_PLUGINS); left out of the JSON when
 *     there are none, so a report without plug-ins is what it was before the field existed
 */
public record Environment(
    String concbenchVersion,
    String javaVersion,
    String javaVendor,
    String javaVm,
    String javaVmName,
    String javaVmVersion,
    String javaHome,
    List<String> jvmArgs,
    String osName,
    String osVersion,
    String osArch,
    String cpuModel,
    int availableProcessors,
    long maxHeapMb,
    String timestampUtc,
    io.concbench.system.MachineFacts system,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LoadedPlugin> plugins) {

  public Environment {
    plugins = plugins == null ? List.of() : List.copyOf(plugins);
  }

  /** An environment without plug-ins. */
  public Environment(String concbenchVersion, String javaVersion, String javaVendor, String javaVm,
      String javaVmName, String javaVmVersion, String javaHome, List<String> jvmArgs, String osName,
      String osVersion, String osArch, String cpuModel, int availableProcessors, long maxHeapMb,
      String timestampUtc, io.concbench.system.MachineFacts system) {
    this(concbenchVersion, javaVersion, javaVendor, javaVm, javaVmName, javaVmVersion, javaHome, jvmArgs, osName,
        osVersion, osArch, cpuModel, availableProcessors, maxHeapMb, timestampUtc, system, List.of());
  }

  /** The same environment with these plug-ins recorded. */
  public Environment withPlugins(List<LoadedPlugin> loaded) {
    return new Environment(concbenchVersion, javaVersion, javaVendor, javaVm, javaVmName, javaVmVersion, javaHome,
        jvmArgs, osName, osVersion, osArch, cpuModel, availableProcessors, maxHeapMb, timestampUtc, system,
        loaded);
  }
}
