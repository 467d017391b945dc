package io.concbench.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameCodecTest {

  @Test
  void everyFrameRoundTrips() throws IOException {
    Map<String, Long> params = new LinkedHashMap<>();
    params.put("n", 150_000_000L);
    params.put("sleep-ms", 5L);
    byte[][] payloads = {{1, 2, 3}, {4, 5, 6}};

    assertThat(roundTrip(new Frame.Hello(FrameCodec.MAGIC, FrameCodec.VERSION, 4242)))
        .isEqualTo(new Frame.Hello(FrameCodec.MAGIC, FrameCodec.VERSION, 4242));
    assertThat(roundTrip(new Frame.Setup("mixed", params, 3, true, true)))
        .isEqualTo(new Frame.Setup("mixed", params, 3, true, true));
    Frame.Tasks tasks = (Frame.Tasks) roundTrip(new Frame.Tasks(7, 123, true, new int[] {10, 11}, payloads));
    assertThat(tasks.chunk()).isEqualTo(7);
    assertThat(tasks.sentNanos()).isEqualTo(123);
    assertThat(tasks.mayHold()).isTrue();
    assertThat(tasks.indices()).containsExactly(10, 11);
    assertThat(tasks.payloads()).isDeepEqualTo(payloads);
    List<Frame.TaskOutcome> outcomes = List.of(new Frame.TaskOutcome(10, -5, 99, null),
        new Frame.TaskOutcome(11, 0, 7, "java.lang.IllegalStateException: boom"));
    Frame.Results results = (Frame.Results) roundTrip(new Frame.Results(7, 1, 2, true, outcomes, payloads));
    assertThat(results.requestNanos()).isEqualTo(1);
    assertThat(results.replyNanos()).isEqualTo(2);
    assertThat(results.more()).isTrue();
    assertThat(results.outcomes()).isEqualTo(outcomes);
    assertThat(results.payloads()).isDeepEqualTo(payloads);
    assertThat(roundTrip(new Frame.Started(3, 77))).isEqualTo(new Frame.Started(3, 77));
    assertThat(roundTrip(new Frame.Ready(55))).isEqualTo(new Frame.Ready(55));
    assertThat(roundTrip(new Frame.Failure("unknown workload"))).isEqualTo(new Frame.Failure("unknown workload"));
    assertThat(roundTrip(new Frame.Goodbye(12, 3456))).isEqualTo(new Frame.Goodbye(12, 3456));
  }

  @Test
  void theSizeOfATasksFrameIsKnownBeforeItIsEncoded() throws IOException {
    assertThat(bytesOf(new Frame.Tasks(1, 2, false, new int[] {3}, new byte[0][])))
        .hasSize((int) FrameCodec.tasksFrameBytes(1, 0));
    assertThat(bytesOf(new Frame.Tasks(1, 2, false, new int[] {3, 4, 5}, new byte[][] {new byte[7], new byte[7], new byte[7]})))
        .hasSize((int) FrameCodec.tasksFrameBytes(3, 7));
  }

  @Test
  void framesFollowEachOtherOnOneStream() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    FrameCodec.write(out, new Frame.Started(1, 1));
    FrameCodec.write(out, new Frame.Goodbye(2, -1));
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(FrameCodec.read(in)).isEqualTo(new Frame.Started(1, 1));
    assertThat(FrameCodec.read(in)).isEqualTo(new Frame.Goodbye(2, -1));
    assertThatThrownBy(() -> FrameCodec.read(in)).isExactlyInstanceOf(EOFException.class);
  }

  @Test
  void aStreamCutInsideAFrameIsTruncated() throws IOException {
    byte[] whole = bytesOf(new Frame.Hello(FrameCodec.MAGIC, FrameCodec.VERSION, 1));

    for (int cut = 1; cut < whole.length; cut++) {
      byte[] part = Arrays.copyOf(whole, cut);
      if (cut < 4) {
        // Inside the length itself: the stream ended before a frame could start.
        assertThatThrownBy(() -> read(part)).isInstanceOf(EOFException.class);
      } else {
        assertThatThrownBy(() -> read(part)).isInstanceOf(ProtocolException.class).hasMessageContaining("truncated");
      }
    }
  }

  @Test
  void lengthsOutsideTheCapAreRefusedBeforeAllocating() {
    assertThatThrownBy(() -> read(ByteBuffer.allocate(5).putInt(FrameCodec.MAX_FRAME_BYTES + 1).array()))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("outside 1..");
    assertThatThrownBy(() -> read(ByteBuffer.allocate(5).putInt(0).array()))
        .isInstanceOf(ProtocolException.class);
    assertThatThrownBy(() -> read(ByteBuffer.allocate(5).putInt(-7).array()))
        .isInstanceOf(ProtocolException.class);
  }

  @Test
  void aBadMagicNumberOrVersionIsNamed() throws IOException {
    assertThatThrownBy(() -> read(bytesOf(new Frame.Hello(0xCAFEBABE, FrameCodec.VERSION, 1))))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("bad magic number 0xcafebabe");
    assertThatThrownBy(() -> read(bytesOf(new Frame.Hello(FrameCodec.MAGIC, 99, 1))))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("protocol version 99");
  }

  @Test
  void anUnknownTypeTrailingBytesAndShortBodiesAreMalformed() throws IOException {
    assertThatThrownBy(() -> read(ByteBuffer.allocate(5).putInt(1).put((byte) 42).array()))
        .isInstanceOf(ProtocolException.class).hasMessage("unknown frame type 42");

    byte[] started = bytesOf(new Frame.Started(1, 2));
    byte[] longer = ByteBuffer.allocate(started.length + 1).putInt(started.length - 3)
        .put(started, 4, started.length - 4).put((byte) 0).array();
    assertThatThrownBy(() -> read(longer)).isInstanceOf(ProtocolException.class).hasMessageContaining("trailing");

    byte[] shorter = ByteBuffer.allocate(started.length - 1).putInt(started.length - 5)
        .put(started, 4, started.length - 5).array();
    assertThatThrownBy(() -> read(shorter)).isInstanceOf(ProtocolException.class).hasMessageContaining("shorter");
  }

  @Test
  void countsThatCannotFitTheFrameAreRefused() {
    // A tasks frame that claims a million indices in a few bytes must fail before allocating them.
    byte[] lying = ByteBuffer.allocate(4 + 1 + 8 + 8 + 1 + 4).putInt(1 + 8 + 8 + 1 + 4).put(FrameCodec.TASKS)
        .putLong(1).putLong(2).put((byte) 0).putInt(1_000_000).array();

    assertThatThrownBy(() -> read(lying)).isInstanceOf(ProtocolException.class).hasMessageContaining("does not fit");
  }

  @Test
  void anOversizedFrameIsRefusedOnWrite() {
    byte[][] huge = {new byte[FrameCodec.MAX_PAYLOAD_BYTES], new byte[FrameCodec.MAX_PAYLOAD_BYTES],
        new byte[FrameCodec.MAX_PAYLOAD_BYTES], new byte[FrameCodec.MAX_PAYLOAD_BYTES]};

    assertThatThrownBy(() -> bytesOf(new Frame.Tasks(1, 1, false, new int[] {0, 1, 2, 3}, huge)))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("over the cap");
  }

  private static Frame roundTrip(Frame frame) throws IOException {
    return read(bytesOf(frame));
  }

  private static byte[] bytesOf(Frame frame) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    FrameCodec.write(new DataOutputStream(bytes), frame);
    return bytes.toByteArray();
  }

  private static Frame read(byte[] bytes) throws IOException {
    return FrameCodec.read(new DataInputStream(new ByteArrayInputStream(bytes)));
  }
}
