package io.concbench.process.worker;

import io.concbench.api.Workload;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The workloads of the plug-ins on a worker's class path, which the parent put there (one entry per plug-in
 * whose workload the run measures, docs/protocol.md): found with the service loader, as concbench itself
 * found them. Asked only for a workload that is not built in, so a worker of a built-in workload never
 * loads the service-loader machinery, and its start-up stays what {@code fork} measured before plug-ins.
 * The parent has already checked the plug-ins (API version, names), so this only finds them.
 */
public final class PluginWorkloads {

  private PluginWorkloads() {}

  /**
   * The plug-in workload of that name, or null if no plug-in on the class path has one.
   *
   * @throws IllegalArgumentException when a plug-in cannot be loaded or its workload not constructed,
   *     with the plug-in's own exception class and message
   */
  public static Workload find(String name) {
    try {
      Iterator<Workload> found = ServiceLoader.load(Workload.class, WorkerMain.class.getClassLoader()).iterator();
      while (found.hasNext()) {
        Workload candidate = found.next();
        if (candidate.name().equals(name)) {
          return candidate;
        }
      }
      return null;
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new IllegalArgumentException("a plug-in's workload could not be loaded: " + e.getMessage()
          + (cause != e ? " (" + cause + ")" : ""));
    }
  }

  /** Every plug-in workload on the class path, for the class-data archive's training run; none on a failure. */
  static List<Workload> all() {
    List<Workload> all = new ArrayList<>();
    try {
      for (Workload workload : ServiceLoader.load(Workload.class, WorkerMain.class.getClassLoader())) {
        all.add(workload);
      }
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      // training only loads classes: a smaller archive
    }
    return all;
  }
}
