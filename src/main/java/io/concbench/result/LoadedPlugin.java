package io.concbench.result;

/**
 * A plug-in a report's workloads may come from, as {@code environment.plugins} records it.
 *
 * @param path the jar's absolute path when it was loaded
 * @param sha256 the jar's SHA-256, lowercase hex: which build of the plug-in it was
 * @param name the name it declares (its manifest's {@code Implementation-Title}, else the jar's file name)
 * @param version the version it declares ({@code Implementation-Version}), or null
 * @param workloads the names of the workloads it provides
 */
public record LoadedPlugin(String path, String sha256, String name, String version, java.util.List<String> workloads) {

  public LoadedPlugin {
    workloads = workloads == null ? java.util.List.of() : java.util.List.copyOf(workloads);
  }
}
