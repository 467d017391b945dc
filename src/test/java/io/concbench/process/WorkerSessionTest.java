package io.concbench.process;

import static org.assertj.core.api.Assertions.assertThat;

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
        new Frame.Tasks(1, 0, new int[] {3, 4}, new byte[][] {{3, 3}, {4, 4}}),
        new Frame.Goodbye(0, -1));

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
  }

  @Test
  void anUnknownWorkloadIsReportedAndEndsTheWorker() throws IOException {
    Session session = run(frames(new Frame.Setup("nope", Map.of(), 0, false, false)));

    assertThat(session.status).isEqualTo(WorkerSession.BAD_SETUP);
    assertThat(session.frames.get(1)).isEqualTo(new Frame.Failure("unknown workload 'nope'"));
  }

  @Test
  void anUnknownParameterIsReported() throws IOException {
    Session session = run(frames(new Frame.Setup("cpu", Map.of("m", 1L), 0, false, false)));

    assertThat(session.status).isEqualTo(WorkerSession.BAD_SETUP);
    assertThat(((Frame.Failure) session.frames.get(1)).message()).isEqualTo("workload cpu has no parameter 'm'");
  }

  @Test
  void theEndOfStdinWithoutGoodbyeMeansTheParentIsGone() throws Exception {
    CountDownLatch gone = new CountDownLatch(1);
    byte[] input = frames(new Frame.Setup("tiny", Map.of(), 0, false, false));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread worker = new Thread(() -> new WorkerSession(
        new DataInputStream(new ByteArrayInputStream(input)), new DataOutputStream(output), gone::countDown).run());
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
    int status = new WorkerSession(new DataInputStream(new ByteArrayInputStream(input)),
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
