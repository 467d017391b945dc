package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.engine.Cancellation;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadyGateTest {

  @Test
  void saysItIsReadyAndPassesOnALine() {
    StringWriter out = new StringWriter();
    ByteArrayInputStream in = new ByteArrayInputStream("\nafter".getBytes(StandardCharsets.UTF_8));
    Cancellation cancellation = new Cancellation();

    new ReadyGate(new PrintWriter(out), in, cancellation).pass();

    assertThat(out.toString()).isEqualTo(AbLauncher.READY + System.lineSeparator());
    assertThat(cancellation.isCancelled()).isFalse();
    assertThat(in.available()).isEqualTo("after".length()); // one line read, no more
  }

  @Test
  void theEndOfItsInputCancelsTheRun() {
    Cancellation cancellation = new Cancellation();

    new ReadyGate(new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]), cancellation)
        .pass();

    assertThat(cancellation.isCancelled()).isTrue();
  }

  @Test
  void saysItIsDoneAndWaitsForALineBeforeItEnds() {
    StringWriter out = new StringWriter();
    ByteArrayInputStream in = new ByteArrayInputStream("\nafter".getBytes(StandardCharsets.UTF_8));
    Cancellation cancellation = new Cancellation();

    new ReadyGate(new PrintWriter(out), in, cancellation).finish();

    assertThat(out.toString()).isEqualTo(AbLauncher.DONE + System.lineSeparator());
    assertThat(in.available()).isEqualTo("after".length());
    assertThat(cancellation.isCancelled()).isFalse();
  }

  @Test
  void theEndOfItsInputWhenDoneLetsItEndWithItsFigures() {
    Cancellation cancellation = new Cancellation();

    new ReadyGate(new PrintWriter(new StringWriter()), new ByteArrayInputStream(new byte[0]), cancellation)
        .finish();

    assertThat(cancellation.isCancelled()).isFalse();
  }
}
