package io.concbench.process.member;

import io.concbench.api.ParamValues;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import io.concbench.process.worker.PluginWorkloads;
import io.concbench.process.worker.SoloTaskContext;
import io.concbench.workload.WorkloadRegistry;
import java.util.Map;
import java.util.Objects;

/**
 * The member's bound kernel: a workload bound once per name and parameters (a run's chunks all carry the
 * same), as a worker binds it at set-up. A member runs one chunk at a time (its executor's pool size is 1),
 * but the lock keeps a member started with more threads correct.
 */
final class MemberKernels {

  private static String boundWorkload;
  private static Map<String, String> boundParams;
  private static TaskKernel kernel;

  private MemberKernels() {}

  static synchronized TaskKernel bind(String name, Map<String, String> params) {
    if (kernel != null && name.equals(boundWorkload) && Objects.equals(params, boundParams)) {
      return kernel;
    }
    Workload workload = null;
    for (Workload candidate : WorkloadRegistry.all()) {
      if (candidate.name().equals(name)) {
        workload = candidate;
      }
    }
    if (workload == null) {
      workload = PluginWorkloads.find(name);
    }
    if (workload == null) {
      throw new IllegalArgumentException("unknown workload '" + name + "' on this member");
    }
    kernel = workload.bind(ParamValues.resolve(workload, params));
    boundWorkload = name;
    boundParams = params;
    return kernel;
  }

  /** A context per call: its counter is the task's own, checkpoints cost nothing. */
  static TaskContext context() {
    return new SoloTaskContext();
  }
}
