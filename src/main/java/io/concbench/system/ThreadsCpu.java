package io.concbench.system;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;

/**
 * The CPU time of a process's threads, a JVM's compiler and GC threads included, in nanoseconds: the sum of the
 * first field of Linux's /proc/[pid]/task/[tid]/schedstat. {@link ProcessCpu} counts in ticks of 10 ms, too
 * coarse to tell a JVM that is idle from one that compiles for a few milliseconds; this is the scheduler's own
 * count. Elsewhere than on Linux (or with schedstats off) it is unknown. Threads that ended are no longer
 * counted.
 */
public final class ThreadsCpu {

  private ThreadsCpu() {}

  /**
   * Of this JVM's threads but the calling one; empty where /proc does not tell it. The calling thread is left
   * out because reading the count is its own work: about 20 µs a thread, a millisecond for a JVM of 50 threads,
   * which would look like activity.
   */
  public static OptionalLong othersNanos() {
    return sum("self", callerTid());
  }

  /** Of every thread of process {@code pid}; empty once it is gone, or where /proc does not tell it. */
  public static OptionalLong ofProcess(long pid) {
    return sum(Long.toString(pid), "");
  }

  private static OptionalLong sum(String process, String skippedTid) {
    File[] threads = new File("/proc/" + process + "/task").listFiles();
    if (threads == null) {
      return OptionalLong.empty();
    }
    long total = 0;
    boolean any = false;
    for (File thread : threads) {
      if (thread.getName().equals(skippedTid)) {
        any = true;
        continue;
      }
      try (FileInputStream in = new FileInputStream(new File(thread, "schedstat"))) {
        total += runNanos(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        any = true;
      } catch (IOException | RuntimeException e) {
        // the thread ended while we read, or schedstat is not there: counted as nothing
      }
    }
    return any ? OptionalLong.of(total) : OptionalLong.empty();
  }

  /** The calling thread's id in the kernel's count (its /proc/self/task entry), or "" if unknown. */
  private static String callerTid() {
    try {
      return new File("/proc/thread-self").getCanonicalFile().getName();
    } catch (IOException e) {
      return "";
    }
  }

  /** The first field of a schedstat text: the time the thread has run on a CPU, in ns. */
  static long runNanos(String schedstat) {
    int end = schedstat.indexOf(' ');
    return Long.parseLong(end < 0 ? schedstat.strip() : schedstat.substring(0, end));
  }
}
