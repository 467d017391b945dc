package io.concbench.plugin;

import io.concbench.api.Workload;
import java.nio.file.Path;
import java.util.List;

/**
 * A loaded plug-in: its jar, the jar's content hash, the name and version it declares, and its workloads.
 *
 * @param jar the jar's absolute, normalised path
 * @param sha256 the jar's SHA-256, lowercase hex: what the report records and the worker cache is keyed by
 * @param name the manifest's {@code Implementation-Title}, else the jar's file name without {@code .jar}
 * @param version the manifest's {@code Implementation-Version}, or null if it declares none
 * @param workloads the workloads its service file lists, in that order
 */
public record Plugin(Path jar, String sha256, String name, String version, List<Workload> workloads) {

  public Plugin {
    workloads = List.copyOf(workloads);
  }
}
