package io.concbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Where a report was measured: a comparison across machines or JDKs is usually meaningless.
 *
 * @param plugins the plug-ins loaded for the run (--plugin, CONCBENCH_PLUGINS); left out of the JSON when
 *     there are none, so a report without plug-ins is what it was before the field existed
 * @param concbenchSha256 the SHA-256 of the concbench jar that measured it: two builds of one -SNAPSHOT
 *     version are told apart by it; null (left out) when concbench ran from a class directory, and in older
 *     reports
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
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<LoadedPlugin> plugins,
    @JsonInclude(JsonInclude.Include.NON_NULL) String concbenchSha256) {

  public Environment {
    plugins = plugins == null ? List.of() : List.copyOf(plugins);
  }

  /** An environment whose concbench jar is not known. */
  public Environment(String concbenchVersion, String javaVersion, String javaVendor, String javaVm,
      String javaVmName, String javaVmVersion, String javaHome, List<String> jvmArgs, String osName,
      String osVersion, String osArch, String cpuModel, int availableProcessors, long maxHeapMb,
      String timestampUtc, io.concbench.system.MachineFacts system, List<LoadedPlugin> plugins) {
    this(concbenchVersion, javaVersion, javaVendor, javaVm, javaVmName, javaVmVersion, javaHome, jvmArgs, osName,
        osVersion, osArch, cpuModel, availableProcessors, maxHeapMb, timestampUtc, system, plugins, null);
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
        loaded, concbenchSha256);
  }
}
