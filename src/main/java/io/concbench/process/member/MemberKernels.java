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
import java.util.function.BooleanSupplier;

/**
 * The member's bound kernel: a workload bound once per name and parameters (a run's chunks all carry the
 * same), as a worker binds it at set-up. A member runs one chunk at a time (its executor's pool size is 1),
 * but the lock keeps a member started with more threads correct.
 */
final class MemberKernels {

  private static String boundWorkload;
  private static Map<String, String> boundParams;
  private static TaskKernel kernel;
  /** Local members run the user's own concbench's work; a {@code concbench member} only with --allow-commands. */
  private static volatile boolean commandsAllowed = true;
  private static volatile boolean orphaned;

  private MemberKernels() {}

  static void allowCommands(boolean allowed) {
    commandsAllowed = allowed;
  }

  /** Asked before a run is dropped: whether no client is connected now (a concbench member's; null: never). */
  private static volatile BooleanSupplier noClientNow;

  /** Whether no client is connected: the work still queued belongs to a run whose parent is gone. */
  static void orphaned(boolean noClient) {
    orphaned = noClient;
  }

  static void noClientNow(BooleanSupplier check) {
    noClientNow = check;
  }

  /**
   * Whether the run's client is gone: a chunk stops between two tasks. The flag is set by an event that may
   * come after the next run's client has connected and sent its first chunk: it is confirmed against the
   * clients connected now (rarely: only while it is set) before anything is dropped.
   */
  static boolean orphaned() {
    if (!orphaned) {
      return false;
    }
    BooleanSupplier check = noClientNow;
    if (check != null && !check.getAsBoolean()) {
      orphaned = false;
      return false;
    }
    return true;
  }

  static synchronized TaskKernel bind(String name, Map<String, String> params) {
    if (orphaned()) {
      throw new IllegalStateException("dropped: the run's client is gone");
    }
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
    if (workload.startsProcesses() && !commandsAllowed) {
      throw new IllegalArgumentException("workload '" + name + "' starts commands, and this member was not "
          + "started with --allow-commands");
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
