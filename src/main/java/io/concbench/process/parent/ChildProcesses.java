package io.concbench.process.parent;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every worker JVM alive, so that none outlives concbench: a shutdown hook kills what is left when the JVM
 * exits (normal exit, Ctrl-C, SIGTERM). When concbench is killed with -9 no hook runs; then the workers
 * notice their stdin closing and end themselves.
 */
final class ChildProcesses {

  private static final Set<Process> ALIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> ALIVE.forEach(Process::destroyForcibly),
        "concbench-kill-workers"));
  }

  private ChildProcesses() {}

  static void add(Process process) {
    ALIVE.add(process);
    process.onExit().thenRun(() -> ALIVE.remove(process));
  }
}
