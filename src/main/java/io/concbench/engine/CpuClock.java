package io.concbench.engine;

import io.concbench.system.ProcessCpu;
import java.lang.management.ManagementFactory;

/** Reads this process's CPU time; tests substitute a fake one. */
@FunctionalInterface
public interface CpuClock {

  CpuTimes read();

  /**
   * The CPU time of the child processes this process has started and waited for, so far: what Linux adds to
   * its cutime and cstime when a child is reaped. {@link CpuTimes#UNKNOWN} where the system does not say.
   */
  default CpuTimes readReapedChildren() {
    return CpuTimes.UNKNOWN;
  }

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

      @Override
      public CpuTimes readReapedChildren() {
        return ProcessCpu.reapedChildrenOfSelf()
            .map(c -> new CpuTimes(c.totalNanos(), c.userNanos(), c.systemNanos())).orElse(CpuTimes.UNKNOWN);
      }
    };
  }

  private static CpuClock systemNow() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (!(os instanceof com.sun.management.OperatingSystemMXBean sunOs)) {
      return () -> CpuTimes.UNKNOWN;
    }
    return () -> {
      long total = sunOs.getProcessCpuTime();
      return ProcessCpu.self().map(own -> new CpuTimes(total, own.userNanos(), own.systemNanos()))
          .orElse(new CpuTimes(total, -1, -1));
    };
  }
}
