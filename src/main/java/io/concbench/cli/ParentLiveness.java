package io.concbench.cli;

/**
 * A concbench JVM started by {@code concbench ab} (or by {@code compare --confirm}) is owned by it: the
 * parent names itself in {@value #VARIABLE}, and the child ends (exit 130, its shutdown hooks run) as soon as
 * that process is no longer its parent, even when the parent died by SIGKILL and could not end it. The parent
 * ends its children itself whenever it can; this is for when it cannot.
 */
public final class ParentLiveness {

  public static final String VARIABLE = "CONCBENCH_PARENT_PID";
  static final long INTERVAL_MILLIS = 100;

  private ParentLiveness() {}

  /** Starts watching the parent named in {@code value} (the variable's value), if any; else does nothing. */
  public static void watch(String value) {
    if (value == null || value.isBlank()) {
      return;
    }
    long parent;
    try {
      parent = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return;
    }
    if (!isParent(parent)) {
      if (ProcessHandle.of(parent).map(ProcessHandle::isAlive).orElse(false)) {
        // Alive but not the parent: the variable was inherited (a command run by a run that ab started).
        return;
      }
      // The ab that started this JVM died before this JVM could watch it.
      System.exit(ExitCodes.INTERRUPTED);
    }
    Thread thread = new Thread(() -> {
      try {
        while (isParent(parent)) {
          Thread.sleep(INTERVAL_MILLIS);
        }
        System.exit(ExitCodes.INTERRUPTED);
      } catch (InterruptedException e) {
        // not reached: nothing interrupts this thread
      }
    }, "concbench-parent-watch");
    thread.setDaemon(true);
    thread.start();
  }

  /** Whether {@code pid} is this process's parent (after the parent dies, init or a subreaper is). */
  static boolean isParent(long pid) {
    return ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid;
  }
}
