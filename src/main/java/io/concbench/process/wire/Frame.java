package io.concbench.process.wire;

import java.util.List;
import java.util.Map;

/**
 * The messages between concbench and a worker JVM. Their byte layout is in {@link FrameCodec} and
 * docs/protocol.md. Times are {@code System.nanoTime()} values: on Linux that is CLOCK_MONOTONIC, one clock
 * for every process of the machine, so a parent and its worker can subtract each other's timestamps.
 */
public sealed interface Frame {

  /** Worker to parent, first: who it is and which protocol it speaks. */
  record Hello(int magic, int version, long pid) implements Frame {}

  /**
   * Parent to worker, once: what to run.
   *
   * @param params every parameter value as text, resolved by the worker as the parent resolved the user's
   * @param payloadBytes bytes sent with each task and returned with each result
   * @param reportStarts whether the worker announces each task's start (needed for --task-timeout)
   * @param warmUp whether to bring the kernel to steady compiled code before answering {@link Ready}
   */
  record Setup(String workload, Map<String, String> params, int payloadBytes, boolean reportStarts,
      boolean warmUp) implements Frame {}

  /**
   * Worker to parent, after set-up: the workload is bound (and, if asked, its kernel warmed to steady
   * compiled code, which took {@code warmUpNanos}); tasks may come.
   */
  record Ready(long warmUpNanos) implements Frame {}

  /**
   * Parent to worker: a chunk of tasks, with one payload per task (empty when payloadBytes is 0).
   *
   * @param mayHold whether the worker may hold this chunk's results back a little, to write them with the
   *     results of the chunks after it; if not, it also writes any results it holds before running it
   */
  record Tasks(long chunk, long sentNanos, boolean mayHold, int[] indices, byte[][] payloads) implements Frame {}

  /**
   * Worker to parent: the outcome of a whole chunk.
   *
   * @param requestNanos the request's pipe transit as the worker saw it: from when the chunk was sent, or
   *     when the worker turned to read it if it was busy until then, to when the worker had read it
   * @param replyNanos when the worker wrote this reply
   * @param more whether more results follow in the same write (the parent may read them before answering)
   */
  record Results(long chunk, long requestNanos, long replyNanos, boolean more, List<TaskOutcome> outcomes,
      byte[][] payloads) implements Frame {

    /**
     * Time the chunk spent moving through the pipes, request and reply: each from when it was written, or
     * when its reader turned to it if that was later, until it was read. The time a message waits for a
     * busy reader (behind another chunk, or the compute) is not transit.
     *
     * @param lookedNanos when the parent turned to read this reply
     * @param arrivedNanos when the parent had read it
     */
    public long transitNanos(long lookedNanos, long arrivedNanos) {
      return requestNanos + arrivedNanos - Math.max(replyNanos, lookedNanos);
    }
  }

  /** One task's outcome; {@code error} is null when it returned normally. */
  record TaskOutcome(int index, long result, long computeNanos, String error) {}

  /** Worker to parent: task {@code index} starts now (only when asked, for --task-timeout). */
  record Started(int index, long startNanos) implements Frame {}

  /** Worker to parent: it cannot go on (bad setup, unknown workload); it exits after sending this. */
  record Failure(String message) implements Frame {}

  /**
   * Parent to worker: exit now (0, -1, -1). Worker to parent: exiting, having completed {@code tasksDone}
   * tasks and used {@code userNanos} and {@code systemNanos} of CPU time in its whole life, in user and in
   * kernel mode (-1 if unknown).
   */
  record Goodbye(long tasksDone, long userNanos, long systemNanos) implements Frame {

    /** The parent's: it has nothing to report. */
    public static final Goodbye FROM_PARENT = new Goodbye(0, -1, -1);

    /** The worker's whole CPU time, or -1 if unknown. */
    public long cpuNanos() {
      return userNanos < 0 || systemNanos < 0 ? -1 : userNanos + systemNanos;
    }
  }
}
