package io.concbench.cli;

import io.concbench.engine.Cancellation;

/**
 * Ctrl-C (SIGINT) and SIGTERM cancel the benchmark, so that finished results are written and the exit
 * status is 130; a second signal ends the process at once. A JVM started with SIGINT ignored (a background
 * job of a non-interactive shell, nohup) does not get SIGINT at all; SIGTERM still works there.
 */
final class SignalHandling {

  private SignalHandling() {}

  /** Installs the handlers; returns false where this JVM does not allow it. */
  static boolean install(Cancellation cancellation) {
    boolean any = false;
    for (String name : new String[] {"INT", "TERM"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          if (cancellation.isCancelled()) {
            Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
          }
          cancellation.cancel();
        });
        any = true;
      } catch (IllegalArgumentException | LinkageError e) {
        // The signal is reserved by the VM (e.g. -Xrs) or sun.misc is absent: keep the JVM's default.
      }
    }
    return any;
  }
}
