package io.concbench.process.parent;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.process.wire.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real worker JVM loads in a whole session (hello, set-up with warm-up, a chunk with start reports,
 * goodbye), as the JVM itself logs it: its start-up is part of what users measure, so it must not load the
 * parent side of the protocol, picocli, Jackson, the reports or the engine, nor spin a lambda of its own
 * (the first lambda of a JVM loads some 80 classes of java.lang.invoke).
 */
class WorkerClassLoadTest {

  @TempDir Path dir;

  @Test
  @Timeout(60)
  void aWorkerSessionLoadsNeitherTheParentSideNorTheCommandLineNorAnyLambdaOfOurs() throws Exception {
    Path log = dir.resolve("classes.log");
    WorkerCommand command = WorkerCommand.of(null, List.of("-Xlog:class+load=info:file=" + log), null);
    WorkerProcess worker = WorkerProcess.start(command);
    try {
      worker.setUp(new Frame.Setup("tiny", Map.of(), 4, true, true));
      worker.send(List.of(new Chunk(0, new int[] {0, 1}, System.nanoTime(), 0, false)), 4);
      Frame reply;
      do {
        reply = worker.receive();
      } while (reply instanceof Frame.Started);
      assertThat(reply).isInstanceOf(Frame.Results.class);
      worker.send(Frame.Goodbye.FROM_PARENT);
      assertThat(worker.receive()).isInstanceOf(Frame.Goodbye.class);
    } finally {
      worker.closeInput();
      assertThat(worker.awaitExit(20_000)).isZero();
    }

    List<String> loaded = Files.readAllLines(log).stream()
        .filter(line -> line.contains(" source: ") || line.contains("$$Lambda"))
        .map(line -> line.replaceFirst("^.*?\\] ", "").split(" ")[0])
        .toList();
    assertThat(loaded).as("the worker's own classes").contains(
        "io.concbench.process.worker.WorkerMain", "io.concbench.process.worker.WorkerSession",
        "io.concbench.process.wire.FrameCodec");
    assertThat(loaded).noneMatch(name -> name.startsWith("io.concbench.process.parent.")
        || name.startsWith("io.concbench.cli.") || name.startsWith("io.concbench.engine.")
        || name.startsWith("io.concbench.report.") || name.startsWith("io.concbench.registry.")
        || name.startsWith("picocli.") || name.startsWith("com.fasterxml."));
    assertThat(loaded).noneMatch(name -> name.startsWith("io.concbench.") && name.contains("$$Lambda"));
  }
}
