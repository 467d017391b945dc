package io.concbench.process.wire;

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
    Map<String, String> params = new LinkedHashMap<>();
    params.put("n", "150000000");
    params.put("sleep-ms", "5");
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
    assertThat(roundTrip(new Frame.Goodbye(12, 3456, 78))).isEqualTo(new Frame.Goodbye(12, 3456, 78));
    assertThat(roundTrip(Frame.Goodbye.FROM_PARENT)).isEqualTo(new Frame.Goodbye(0, -1, -1));
  }

  /** The bytes of docs/protocol.md, written field by field with DataOutput: the wire format is unchanged. */
  @Test
  void resultsAndTasksAreTheBytesTheProtocolDescribes() throws IOException {
    List<Frame.TaskOutcome> outcomes = List.of(new Frame.TaskOutcome(10, -5, 99, null),
        new Frame.TaskOutcome(11, 0, 7, "IllegalStateException: é€😀\0"));
    byte[][] payloads = {{1, 2}, {3, 4}};
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeLong(7); // chunk
    out.writeLong(1); // requestNanos
    out.writeLong(2); // replyNanos
    out.writeBoolean(true); // more
    out.writeInt(2);
    for (Frame.TaskOutcome o : outcomes) {
      out.writeInt(o.index());
      out.writeLong(o.result());
      out.writeLong(o.computeNanos());
      out.writeBoolean(o.error() != null);
      if (o.error() != null) {
        out.writeUTF(o.error());
      }
    }
    out.writeInt(2); // payloads: count, size, bytes
    out.writeInt(2);
    out.write(new byte[] {1, 2, 3, 4});

    assertThat(bytesOf(new Frame.Results(7, 1, 2, true, outcomes, payloads)))
        .containsExactly(framed(FrameCodec.RESULTS, body.toByteArray()));

    body.reset();
    out.writeLong(7); // chunk
    out.writeLong(123); // sentNanos
    out.writeBoolean(false); // mayHold
    out.writeInt(2);
    out.writeInt(10);
    out.writeInt(11);
    out.writeInt(0); // no payloads
    out.writeInt(0);

    assertThat(bytesOf(new Frame.Tasks(7, 123, false, new int[] {10, 11}, new byte[0][])))
        .containsExactly(framed(FrameCodec.TASKS, body.toByteArray()));
  }

  @Test
  void aResultsFrameEncodedAsItsTasksRunIsTheSameFrame() throws IOException {
    List<Frame.TaskOutcome> outcomes = List.of(new Frame.TaskOutcome(4, 40, 400, null),
        new Frame.TaskOutcome(5, 50, 500, "boom"));
    byte[][] payloads = {{9}, {8}};
    ResultsEncoder encoder = new ResultsEncoder(3, 30, 2, true);
    for (int i = 0; i < 2; i++) {
      Frame.TaskOutcome o = outcomes.get(i);
      encoder.outcome(o.index(), o.result(), o.computeNanos(), o.error());
      encoder.payload(payloads[i]);
    }
    ByteArrayOutputStream encoded = new ByteArrayOutputStream();
    encoder.writeTo(encoded, 333, true);

    assertThat(encoded.toByteArray()).containsExactly(bytesOf(new Frame.Results(3, 30, 333, true, outcomes,
        payloads)));
  }

  @Test
  void aResultsFrameWithFewerOutcomesThanTasksIsNotWritten() throws IOException {
    ResultsEncoder encoder = new ResultsEncoder(3, 30, 2, false);
    encoder.outcome(4, 40, 400, null);

    assertThatThrownBy(() -> encoder.writeTo(new ByteArrayOutputStream(), 1, false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("1 outcomes for a chunk of 2 tasks");
  }

  @Test
  void aMalformedStringIsAProtocolError() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(body);
    out.writeShort(2);
    out.write(new byte[] {(byte) 0xe0, 0x41}); // a 3-byte sequence cut short

    assertThatThrownBy(() -> read(framed(FrameCodec.FAILURE, body.toByteArray())))
        .isInstanceOf(ProtocolException.class).hasMessageContaining("malformed string");
  }

  private static byte[] framed(byte type, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).putInt(1 + body.length).put(type).put(body).array();
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
    FrameCodec.write(out, new Frame.Goodbye(2, -1, -1));
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

    assertThat(FrameCodec.read(in)).isEqualTo(new Frame.Started(1, 1));
    assertThat(FrameCodec.read(in)).isEqualTo(new Frame.Goodbye(2, -1, -1));
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

  /** Frames over {@link BodyReader#WINDOW_BYTES} are decoded from the stream: the same contract. */
  @Test
  void largeFramesRoundTripAndLeaveTheStreamAtTheNextFrame() throws IOException {
    byte[][] payloads = {filled(40_000, 1), filled(40_000, 2), filled(40_000, 3)};
    List<Frame.TaskOutcome> outcomes = List.of(new Frame.TaskOutcome(0, 1, 2, null),
        new Frame.TaskOutcome(1, 3, 4, "boom"), new Frame.TaskOutcome(2, 5, 6, null));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    FrameCodec.write(out, new Frame.Tasks(9, 8, false, new int[] {0, 1, 2}, payloads));
    FrameCodec.write(out, new Frame.Results(9, 1, 2, false, outcomes, payloads));
    FrameCodec.write(out, new Frame.Started(1, 1));
    assertThat(bytes.size()).isGreaterThan(2 * BodyReader.WINDOW_BYTES);
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));

    Frame.Tasks tasks = (Frame.Tasks) FrameCodec.read(in);
    assertThat(tasks.indices()).containsExactly(0, 1, 2);
    assertThat(tasks.payloads()).isDeepEqualTo(payloads);
    Frame.Results results = (Frame.Results) FrameCodec.read(in);
    assertThat(results.outcomes()).isEqualTo(outcomes);
    assertThat(results.payloads()).isDeepEqualTo(payloads);
    assertThat(FrameCodec.read(in)).isEqualTo(new Frame.Started(1, 1));
    assertThatThrownBy(() -> FrameCodec.read(in)).isExactlyInstanceOf(EOFException.class);
  }

  @Test
  void aLargeFrameCutAnywhereIsTruncated() throws IOException {
    byte[] whole = bytesOf(new Frame.Tasks(1, 2, false, new int[] {0, 1}, new byte[][] {filled(50_000, 1),
        filled(50_000, 2)}));

    for (int cut : new int[] {4, 5, 20, 33, 40, 50_000, whole.length - 1}) {
      byte[] part = Arrays.copyOf(whole, cut);
      assertThatThrownBy(() -> read(part)).as("cut at %d", cut)
          .isInstanceOf(ProtocolException.class).hasMessageContaining("truncated");
    }
  }

  @Test
  void aLargeFrameWithTrailingBytesOrFieldsPastItsEndIsMalformed() throws IOException {
    byte[] whole = bytesOf(new Frame.Tasks(1, 2, false, new int[] {0}, new byte[][] {filled(100_000, 1)}));
    int length = whole.length - 4;

    byte[] longer = ByteBuffer.allocate(whole.length + 3).putInt(length + 3).put(whole, 4, length)
        .put(new byte[3]).array();
    assertThatThrownBy(() -> read(longer)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("3 unexpected trailing bytes");

    // The length says the frame ends 10 bytes before its payload does; the next frame's bytes follow.
    byte[] shorter = ByteBuffer.allocate(whole.length + 20).putInt(length - 10).put(whole, 4, length)
        .put(new byte[10]).array();
    assertThatThrownBy(() -> read(shorter)).isInstanceOf(ProtocolException.class)
        .hasMessageContaining("shorter than its content says");
  }

  private static byte[] filled(int size, int value) {
    byte[] bytes = new byte[size];
    Arrays.fill(bytes, (byte) value);
    return bytes;
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
