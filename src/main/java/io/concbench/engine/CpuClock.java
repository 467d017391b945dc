package io.concbench.engine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads this process's CPU time; tests substitute a fake one. */
@FunctionalInterface
public interface CpuClock {

  CpuTimes read();

  /**
   * The JVM's process CPU time, with the user/system split from /proc/self/stat where there is one. Made on
   * first use: the management beans load a good part of JMX, which commands that measure nothing (list,
   * --version) should not pay for at start-up.
   */
  static CpuClock system() {
    return new CpuClock() {
      private CpuClock clock;

      @Override
      public synchronized CpuTimes read() {
        if (clock == null) {
          clock = systemNow();
        }
        return clock.read();
      }
    };
  }

  private static CpuClock systemNow() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    Path stat = Path.of("/proc/self/stat");
    boolean procReadable = Files.isReadable(stat);
    if (!(os instanceof com.sun.management.OperatingSystemMXBean sunOs)) {
      return () -> CpuTimes.UNKNOWN;
    }
    return () -> {
      long total = sunOs.getProcessCpuTime();
      if (!procReadable) {
        return new CpuTimes(total, -1, -1);
      }
      try {
        return ProcStat.parse(Files.readString(stat), total);
      } catch (IOException | RuntimeException e) {
        return new CpuTimes(total, -1, -1);
      }
    };
  }

  /** Parses the utime and stime fields of /proc/[pid]/stat. */
  final class ProcStat {
    /** USER_HZ: the unit of utime/stime. 100 on every Linux that Java runs on; not readable from Java. */
    static final long NANOS_PER_TICK = 10_000_000L;

    private ProcStat() {}

    static CpuTimes parse(String content, long totalNanos) {
      // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
      String[] fields = content.substring(content.lastIndexOf(')') + 2).trim().split("\\s+");
      long user = Long.parseLong(fields[11]) * NANOS_PER_TICK;
      long system = Long.parseLong(fields[12]) * NANOS_PER_TICK;
      return new CpuTimes(totalNanos, user, system);
    }
  }
}
