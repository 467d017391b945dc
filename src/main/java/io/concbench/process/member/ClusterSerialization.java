package io.concbench.process.member;

import com.hazelcast.nio.serialization.DataSerializableFactory;
import com.hazelcast.nio.serialization.IdentifiedDataSerializable;

/**
 * The one data-serializable factory of concbench's cluster classes: every member and the client register it
 * under {@link #FACTORY_ID}, so that chunks and replies travel as {@code IdentifiedDataSerializable} (a
 * class id and the fields), never Java serialization. A member without it fails every task, which is why
 * every member runs the same concbench.
 */
public final class ClusterSerialization implements DataSerializableFactory {

  public static final int FACTORY_ID = 0x0C0B;
  static final int CHUNK_TASK = 1;
  static final int CHUNK_REPLY = 2;

  @Override
  public IdentifiedDataSerializable create(int typeId) {
    return switch (typeId) {
      case CHUNK_TASK -> new ChunkTask();
      case CHUNK_REPLY -> new ChunkReply();
      default -> null;
    };
  }
}
