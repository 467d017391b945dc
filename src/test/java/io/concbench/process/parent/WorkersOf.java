package io.concbench.process.parent;

import java.util.List;
import java.util.Optional;

/** Worker JVMs below a process, found by their entry point on the command line. */
final class WorkersOf {

  private WorkersOf() {}

  static List<ProcessHandle> workers(ProcessHandle parent) {
    return parent.descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains(WorkerCommand.MAIN)).orElse(false))
        .filter(p -> p.info().commandLine().map(c -> !c.contains("--train")).orElse(true))
        .toList();
  }

  static Optional<ProcessHandle> anyWorker() {
    return workers(ProcessHandle.current()).stream().findFirst();
  }
}
