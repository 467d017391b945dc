package io.concbench.process.member;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import io.concbench.api.TaskContext;
import io.concbench.api.TaskKernel;
import io.concbench.system.QuietJit;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * A chunk of tasks as it travels to a member: the workload's name, its parameters (resolved and typed by the
 * member, as a worker's set-up is), and the task indices; or, with {@code warmUp}, the order to bind the
 * workload and warm its kernel before the timed region. A {@link Callable} only: a task class that is also a
 * {@code Runnable} is run by Hazelcast as a Runnable and returns null.
 */
public final class ChunkTask implements Callable<ChunkReply>, IdentifiedDataSerializable {

  private String workload;
  private Map<String, String> params;
  private int[] indices;
  private boolean warmUp;
  /** Whether each task's start is reported (--task-timeout: see {@link TaskStarts}). */
  private boolean reportStarts;
  /** When the member had read it (member's clock): the reply's busy time starts here. */
  private transient long receivedNanos;

  public ChunkTask() {}

  public ChunkTask(String workload, Map<String, String> params, int[] indices, boolean warmUp) {
    this(workload, params, indices, warmUp, false);
  }

  /** @param reportStarts whether the member reports each task's start (see {@link TaskStarts}) */
  public ChunkTask(String workload, Map<String, String> params, int[] indices, boolean warmUp,
      boolean reportStarts) {
    this.workload = workload;
    this.params = params;
    this.indices = indices;
    this.warmUp = warmUp;
    this.reportStarts = reportStarts;
  }

  public int[] indices() {
    return indices;
  }

  @Override
  public ChunkReply call() {
    TaskKernel kernel = MemberKernels.bind(workload, params);
    if (warmUp) {
      kernel.warmUp();
      QuietJit.await(QuietJit.MEMBER_WINDOW_MILLIS);
      return new ChunkReply(new long[0], new long[0], null, System.nanoTime() - receivedNanos);
    }
    long[] results = new long[indices.length];
    long[] compute = new long[indices.length];
    String[] errors = null;
    TaskContext context = MemberKernels.context();
    for (int i = 0; i < indices.length; i++) {
      if (MemberKernels.orphaned()) { // concbench member: the run's client is gone, its work is dropped
        throw new IllegalStateException("dropped: the run's client is gone");
      }
      String error = runTask(kernel, context, i, results, compute);
      if (error != null) {
        if (errors == null) {
          errors = new String[indices.length];
        }
        errors[i] = error;
      }
    }
    return new ChunkReply(results, compute, errors, System.nanoTime() - receivedNanos);
  }

  /** One task, timed: a method of its own so that the JIT compiles it early (see worker.WorkerSession). */
  private String runTask(TaskKernel kernel, TaskContext context, int i, long[] results, long[] compute) {
    if (reportStarts) {
      TaskStarts.started(indices[i]);
    }
    long start = System.nanoTime();
    String error = null;
    try {
      results[i] = kernel.run(indices[i], context);
    } catch (Throwable t) { // a failing task is an outcome to report, not the end of the member
      error = t.toString();
    }
    compute[i] = System.nanoTime() - start;
    return error;
  }

  @Override
  public int getFactoryId() {
    return ClusterSerialization.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return ClusterSerialization.CHUNK_TASK;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeString(workload);
    out.writeInt(params.size());
    for (Map.Entry<String, String> param : params.entrySet()) {
      out.writeString(param.getKey());
      out.writeString(param.getValue());
    }
    out.writeIntArray(indices);
    out.writeBoolean(warmUp);
    out.writeBoolean(reportStarts);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    workload = in.readString();
    int count = in.readInt();
    params = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      params.put(in.readString(), in.readString());
    }
    indices = in.readIntArray();
    warmUp = in.readBoolean();
    reportStarts = in.readBoolean();
    receivedNanos = System.nanoTime();
  }
}
