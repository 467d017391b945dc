package io.concbench.cli;

import io.concbench.engine.Cancellation;
import io.concbench.engine.StartGate;
import io.concbench.system.QuietJit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * An {@code ab} side's turn ({@value AbLauncher#READY_GATE_OPTION}): once warmed up, it waits for its JIT to go
 * quiet, says {@value AbLauncher#READY} on stdout and waits for a line on stdin before its measured runs. The
 * end of stdin (ab ended the side, or died) cancels the run: it ends as interrupted, having timed nothing.
 */
final class ReadyGate implements StartGate {

  /**
   * The JIT wait's window: short, since a side's warm-up run has usually compiled what its measured runs
   * need (a thread-pool side of cpu logged no compilation between the end of its warm-up and its turn, half
   * a second later); the wait is for the work whose compilation lasts longer, and costs each round 50 ms.
   */
  static final long JIT_WINDOW_MILLIS = 50;

  private final PrintWriter out;
  private final InputStream in;
  private final Cancellation cancellation;

  ReadyGate(PrintWriter out, InputStream in, Cancellation cancellation) {
    this.out = out;
    this.in = in;
    this.cancellation = cancellation;
  }

  @Override
  public void pass() {
    QuietJit.await(JIT_WINDOW_MILLIS);
    out.println(AbLauncher.READY);
    out.flush();
    try {
      int b;
      do {
        b = in.read();
      } while (b != -1 && b != '\n');
      if (b == -1) {
        cancellation.cancel();
      }
    } catch (IOException e) {
      cancellation.cancel();
    }
  }
}
