package io.concbench.process.member;

import java.io.PrintStream;

/**
 * A local member's reports of its task starts, for --task-timeout: the line {@code start INDEX} on its stdout
 * (concbench's pipe from it; everything else the member prints goes to stderr), written when a chunk asks for
 * them, as a pool worker sends its start frames only when asked. Hazelcast's executor tells nobody when a
 * task starts: concbench times a task from this line and kills the member of one that runs over.
 */
final class TaskStarts {

  private static volatile PrintStream out;

  private TaskStarts() {}

  /** Where the reports go: the member's stdout, once it has said it is ready. */
  static void to(PrintStream stdout) {
    out = stdout;
  }

  /** Task {@code index} starts now. */
  static void started(int index) {
    PrintStream stdout = out;
    if (stdout != null) {
      stdout.println("start " + index); // the stream flushes each line
    }
  }
}
