package io.concbench.process.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.process.wire.Frame;
import io.concbench.process.wire.FrameCodec;
import io.concbench.process.wire.FrameInput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The worker's side of the protocol, in memory: no process is started. */
@Timeout(30)
class WorkerSessionTest {

  @Test
  void handshakesRunsChunksEchoesPayloadsAndSaysGoodbye() throws IOException {
    byte[] input = frames(
        new Frame.Setup("tiny", Map.of(), 2, true, true),
        new Frame.Tasks(1, 0, false, new int[] {3, 4}, new byte[][] {{3, 3}, {4, 4}}),
        Frame.Goodbye.FROM_PARENT);

    Session session = run(input);

    assertThat(session.status).isEqualTo(WorkerSession.OK);
    assertThat(session.frames.get(0)).isInstanceOf(Frame.Hello.class);
    assertThat(((Frame.Hello) session.frames.get(0)).pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(session.frames.get(1)).isInstanceOf(Frame.Ready.class);
    assertThat(session.frames.subList(2, 4)).extracting(f -> ((Frame.Started) f).index()).containsExactly(3, 4);
    Frame.Results results = (Frame.Results) session.frames.get(4);
    assertThat(results.chunk()).isEqualTo(1);
    assertThat(results.outcomes()).extracting(Frame.TaskOutcome::index).containsExactly(3, 4);
    assertThat(results.outcomes()).allSatisfy(o -> assertThat(o.error()).isNull());
    assertThat(results.payloads()[0]).containsExactly((byte) ~3, (byte) ~3);
    assertThat(results.requestNanos()).isNotNegative();
    Frame.Goodbye goodbye = (Frame.Goodbye) session.frames.get(5);
    assertThat(goodbye.tasksDone()).isEqualTo(2);
    // The whole process's CPU time so far, from /proc/self/stat: this test JVM has used some of both.
    if (java.nio.file.Files.isReadable(java.nio.file.Path.of("/proc/self/stat"))) {
      assertThat(goodbye.userNanos()).isPositive();
      assertThat(goodbye.systemNanos()).isNotNegative();
      assertThat(goodbye.cpuNanos()).isEqualTo(goodbye.userNanos() + goodbye.systemNanos());
    }
  }

  @Test
  void resultsHeldBackAreAllWrittenAndTheLastOfAWriteSaysSo() throws IOException {
    // Chunks 1-3 may be held back; chunk 4 may not: whatever was held is written before it runs.
    byte[] input = frames(
        new Frame.Setup("tiny", Map.of(), 0, false, false),
        new Frame.Tasks(1, 0, true, new int[] {1}, new byte[0][]),
        new Frame.Tasks(2, 0, true, new int[] {2}, new byte[0][]),
        new Frame.Tasks(3, 0, true, new int[] {3}, new byte[0][]),
        new Frame.Tasks(4, 0, false, new int[] {4}, new byte[0][]),
        new Frame.Tasks(5, 0, true, new int[] {5}, new byte[0][]),
        Frame.Goodbye.FROM_PARENT);

    List<Frame> frames = run(input).frames;

    List<Frame.Results> results = frames.stream().filter(f -> f instanceof Frame.Results)
        .map(f -> (Frame.Results) f).toList();
    assertThat(results).extracting(Frame.Results::chunk).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(results.get(2).more()).as("written before chunk 4 runs").isFalse();
    assertThat(results.get(3).more()).as("chunk 4's results are not held").isFalse();
    assertThat(results.get(4).more()).as("written before the goodbye").isFalse();
    assertThat(frames.get(frames.size() - 1)).isInstanceOf(Frame.Goodbye.class);
  }

  @Test
  void nothingIsHeldBackWhenTaskStartsAreReported() throws IOException {
    byte[] input = frames(
        new Frame.Setup("tiny", Map.of(), 0, true, false),
        new Frame.Tasks(1, 0, true, new int[] {1}, new byte[0][]),
        new Frame.Tasks(2, 0, true, new int[] {2}, new byte[0][]),
        Frame.Goodbye.FROM_PARENT);

    List<Frame> frames = run(input).frames;

    assertThat(frames.subList(2, 6)).extracting(f -> f.getClass().getSimpleName())
        .containsExactly("Started", "Results", "Started", "Results");
    assertThat(((Frame.Results) frames.get(3)).more()).isFalse();
  }

  @Test
  void frameInputTellsWhetherAWholeFrameIsBuffered() throws IOException {
    byte[] two = frames(new Frame.Goodbye(1, 2, 3), new Frame.Goodbye(4, 5, 6));
    FrameInput in = new FrameInput(new ByteArrayInputStream(two, 0, two.length - 1));

    assertThat(in.hasWholeFrame()).as("nothing read yet").isFalse();
    assertThat(FrameCodec.read(new DataInputStream(in))).isEqualTo(new Frame.Goodbye(1, 2, 3));
    assertThat(in.hasWholeFrame()).as("the second frame lacks a byte").isFalse();
  }

  @Test
  void anUnknownWorkloadIsReportedAndEndsTheWorker() throws IOException {
    Session session = run(frames(new Frame.Setup("nope", Map.of(), 0, false, false)));

    assertThat(session.status).isEqualTo(WorkerSession.BAD_SETUP);
    assertThat(session.frames.get(1)).isEqualTo(new Frame.Failure("unknown workload 'nope'"));
  }

  @Test
  void anUnknownParameterIsReported() throws IOException {
    Session session = run(frames(new Frame.Setup("cpu", Map.of("m", "1"), 0, false, false)));

    assertThat(session.status).isEqualTo(WorkerSession.BAD_SETUP);
    assertThat(((Frame.Failure) session.frames.get(1)).message()).isEqualTo("invalid value for --param: unknown parameter 'm' for workload cpu (it takes: n)");
  }

  @Test
  void theEndOfStdinWithoutGoodbyeMeansTheParentIsGone() throws Exception {
    CountDownLatch gone = new CountDownLatch(1);
    byte[] input = frames(new Frame.Setup("tiny", Map.of(), 0, false, false));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread worker = new Thread(() -> new WorkerSession(
        new FrameInput(new ByteArrayInputStream(input)), new DataOutputStream(output), gone::countDown).run());
    worker.setDaemon(true);
    worker.start();

    // A real worker halts here; this one only has to notice.
    assertThat(gone.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void stdinEndingBeforeSetUpIsAQuietExit() throws IOException {
    Session session = run(new byte[0]);

    assertThat(session.status).isEqualTo(WorkerSession.OK);
    assertThat(session.frames).hasSize(1);
  }

  private record Session(int status, List<Frame> frames) {}

  private static Session run(byte[] input) throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    int status = new WorkerSession(new FrameInput(new ByteArrayInputStream(input)),
        new DataOutputStream(output), () -> {}).run();
    DataInputStream replies = new DataInputStream(new ByteArrayInputStream(output.toByteArray()));
    List<Frame> frames = new ArrayList<>();
    while (replies.available() > 0) {
      frames.add(FrameCodec.read(replies));
    }
    return new Session(status, frames);
  }

  private static byte[] frames(Frame... frames) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    for (Frame frame : frames) {
      FrameCodec.write(out, frame);
    }
    return bytes.toByteArray();
  }
}
