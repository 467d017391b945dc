package io.concbench.cli;

import io.concbench.engine.Cancellation;
import io.concbench.engine.TurnGate;
import io.concbench.system.QuietJit;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * An {@code ab} side's turns ({@value AbLauncher#READY_GATE_OPTION}): before each round of measured runs it
 * waits for its JIT to go quiet, says {@value AbLauncher#READY} on stdout and waits for a line on stdin; once
 * it has measured everything it says {@value AbLauncher#DONE} and waits for a last line before it writes its
 * figures and ends, so that its ending never overlaps the other side's timed runs. The end of stdin before a
 * turn (ab ended the side, or died) cancels the run: it ends as interrupted, keeping the rounds it completed.
 */
final class ReadyGate implements TurnGate {

  /**
   * The JIT wait's window: short, since a side's warm-up run has usually compiled what its measured runs
   * need (a thread-pool side of cpu logged no compilation between the end of its warm-up and its turn, half
   * a second later); the wait is for the work whose compilation lasts longer, and costs each turn 50 ms.
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
    if (!sayAndWait(AbLauncher.READY)) {
      cancellation.cancel();
    }
  }

  /**
   * Says that the side has measured everything and waits for the word to end. The end of stdin here lets it
   * end too: what it measured is complete.
   */
  void finish() {
    sayAndWait(AbLauncher.DONE);
  }

  /** Says {@code word} on a line and reads one line; false if stdin ended (or failed) first. */
  private boolean sayAndWait(String word) {
    out.println(word);
    out.flush();
    try {
      int b;
      do {
        b = in.read();
      } while (b != -1 && b != '\n');
      return b != -1;
    } catch (IOException e) {
      return false;
    }
  }
}
