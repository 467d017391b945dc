package io.concbench.process.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.SerializationService;
import com.hazelcast.internal.serialization.impl.DefaultSerializationServiceBuilder;
import io.concbench.workload.TinyWorkload;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Chunks and replies through Hazelcast's own serialization, as they travel between client and member. */
class ChunkTaskTest {

  private final SerializationService serialization = new DefaultSerializationServiceBuilder()
      .addDataSerializableFactory(ClusterSerialization.FACTORY_ID, new ClusterSerialization())
      .build();

  @Test
  void aChunkTravelsAndRunsItsTasksOnTheOtherSide() {
    ChunkTask sent = new ChunkTask("tiny", Map.of(), new int[] {3, 4, 9}, false);

    ChunkTask received = roundTrip(sent);
    ChunkReply reply = roundTrip(received.call());

    assertThat(received.indices()).containsExactly(3, 4, 9);
    var kernel = new TinyWorkload().bind(io.concbench.api.ParamValues.resolve(new TinyWorkload(), Map.of()));
    assertThat(reply.results()).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(kernel.verify(received.indices()[i], reply.results()[i])).isTrue();
      assertThat(reply.error(i)).isNull();
    }
    assertThat(java.util.Arrays.stream(reply.computeNanos()).min().getAsLong()).isNotNegative();
    assertThat(reply.memberNanos()).isNotNegative();
  }

  @Test
  void aWorkloadTheMemberDoesNotKnowFailsTheChunkNamingIt() {
    ChunkTask received = roundTrip(new ChunkTask("no-such", Map.of(), new int[] {1}, false));

    org.assertj.core.api.Assertions.assertThatThrownBy(received::call)
        .hasMessageContaining("unknown workload 'no-such'");
  }

  @Test
  void theTaskIsNotARunnableOrHazelcastWouldRunItAsOneAndReturnNull() {
    assertThat(Runnable.class.isAssignableFrom(ChunkTask.class)).isFalse();
  }

  @SuppressWarnings("unchecked")
  private <T> T roundTrip(T value) {
    Data data = serialization.toData(value);
    return (T) serialization.toObject(data);
  }
}
