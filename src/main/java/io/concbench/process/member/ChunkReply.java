package io.concbench.process.member;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;
import java.io.IOException;

/**
 * A chunk's outcomes as they travel back: per task its result and compute time, and its error (null when it
 * returned; the whole array null when none threw); and how long the member held the chunk, from reading it
 * to answering, so that the parent can tell transit from time spent on the member without comparing clocks.
 */
public final class ChunkReply implements IdentifiedDataSerializable {

  private long[] results;
  private long[] computeNanos;
  private String[] errors;
  private long memberNanos;

  public ChunkReply() {}

  ChunkReply(long[] results, long[] computeNanos, String[] errors, long memberNanos) {
    this.results = results;
    this.computeNanos = computeNanos;
    this.errors = errors;
    this.memberNanos = memberNanos;
  }

  public long[] results() {
    return results;
  }

  public long[] computeNanos() {
    return computeNanos;
  }

  /** Task {@code i}'s error, or null. */
  public String error(int i) {
    return errors == null ? null : errors[i];
  }

  public long memberNanos() {
    return memberNanos;
  }

  @Override
  public int getFactoryId() {
    return ClusterSerialization.FACTORY_ID;
  }

  @Override
  public int getClassId() {
    return ClusterSerialization.CHUNK_REPLY;
  }

  @Override
  public void writeData(ObjectDataOutput out) throws IOException {
    out.writeLongArray(results);
    out.writeLongArray(computeNanos);
    out.writeBoolean(errors != null);
    if (errors != null) {
      out.writeStringArray(errors);
    }
    out.writeLong(memberNanos);
  }

  @Override
  public void readData(ObjectDataInput in) throws IOException {
    results = in.readLongArray();
    computeNanos = in.readLongArray();
    errors = in.readBoolean() ? in.readStringArray() : null;
    memberNanos = in.readLong();
  }
}
