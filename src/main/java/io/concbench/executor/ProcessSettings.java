package io.concbench.executor;

import java.nio.file.Path;
import java.util.List;

/**
 * What a user chose for the process executors.
 *
 * @param java the java binary for workers, or null for the one running concbench
 * @param jvmArgs extra JVM options for workers, after concbench's own
 * @param chunksize tasks per request frame, or 0 for CPython's default, ceil(tasks / (4 × workers))
 * @param maxTasksPerChild tasks after which a pool worker is replaced, or 0 for never
 * @param payloadBytes bytes sent with each task and returned with its result
 * @param retries how often a task whose worker died is tried again before it counts as failed
 * @param taskTimeoutNanos how long a task may run before its worker is killed, or 0 for no limit
 * @param pluginJars the plug-in jars a worker JVM puts on its class path, so that it finds their workloads
 * @param cluster the running members a {@code cluster} run uses, or null for members of its own (local)
 */
public record ProcessSettings(String java, List<String> jvmArgs, int chunksize, int maxTasksPerChild,
    int payloadBytes, int retries, long taskTimeoutNanos, List<Path> pluginJars, RemoteCluster cluster) {

  /**
   * The caps of the wire between concbench and its worker JVMs (docs/protocol.md), here so that options can
   * be checked against them without knowing the wire: a frame's bytes, a chunk's tasks, a task's payload.
   * Compile-time constants, which the codec's use inlines: a worker JVM does not load this class for them.
   */
  public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
  public static final int MAX_TASKS_PER_FRAME = 1 << 20;
  public static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

  public static final ProcessSettings DEFAULT = new ProcessSettings(null, List.of(), 0, 0, 0, 1, 0);

  public ProcessSettings {
    jvmArgs = List.copyOf(jvmArgs);
    pluginJars = List.copyOf(pluginJars);
  }

  /** Settings for local members only. */
  public ProcessSettings(String java, List<String> jvmArgs, int chunksize, int maxTasksPerChild, int payloadBytes,
      int retries, long taskTimeoutNanos, List<Path> pluginJars) {
    this(java, jvmArgs, chunksize, maxTasksPerChild, payloadBytes, retries, taskTimeoutNanos, pluginJars, null);
  }

  /** Settings without plug-ins. */
  public ProcessSettings(String java, List<String> jvmArgs, int chunksize, int maxTasksPerChild, int payloadBytes,
      int retries, long taskTimeoutNanos) {
    this(java, jvmArgs, chunksize, maxTasksPerChild, payloadBytes, retries, taskTimeoutNanos, List.of());
  }

  /** The same settings with another chunksize (0: the default), for a matrix that sweeps it. */
  public ProcessSettings withChunksize(int tasksPerFrame) {
    return new ProcessSettings(java, jvmArgs, tasksPerFrame, maxTasksPerChild, payloadBytes, retries,
        taskTimeoutNanos, pluginJars, cluster);
  }

  /** The same settings with the workers given these plug-in jars. */
  public ProcessSettings withPluginJars(List<Path> jars) {
    return new ProcessSettings(java, jvmArgs, chunksize, maxTasksPerChild, payloadBytes, retries,
        taskTimeoutNanos, jars, cluster);
  }

  /** The same settings with a {@code cluster} run on these running members (null: members of its own). */
  public ProcessSettings withCluster(RemoteCluster remote) {
    return new ProcessSettings(java, jvmArgs, chunksize, maxTasksPerChild, payloadBytes, retries,
        taskTimeoutNanos, pluginJars, remote);
  }
}
