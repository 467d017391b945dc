package io.concbench.process.worker;

import java.io.File;
import java.io.IOException;

/**
 * This process's id, cheaply. {@code ProcessHandle.current()} initialises the process-reaper machinery and
 * its lambdas, which costs a fresh worker JVM measurable start-up time; on Linux the link /proc/self names
 * the pid, read through java.io alone.
 */
public final class OwnPid {

  private OwnPid() {}

  public static long get() {
    try {
      return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
    } catch (IOException | NumberFormatException e) {
      return ProcessHandle.current().pid();
    }
  }
}
