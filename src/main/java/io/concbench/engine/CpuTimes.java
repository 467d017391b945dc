package io.concbench.engine;

/**
 * CPU time used by this process so far, all threads, in nanoseconds. {@code userNanos} and
 * {@code systemNanos} are -1 where the operating system does not say (they have 10 ms resolution on Linux).
 */
public record CpuTimes(long totalNanos, long userNanos, long systemNanos) {

  public static final CpuTimes UNKNOWN = new CpuTimes(-1, -1, -1);

  /** The time used between {@code start} and this reading; unknown parts stay -1. */
  public CpuTimes since(CpuTimes start) {
    return new CpuTimes(
        difference(totalNanos, start.totalNanos),
        difference(userNanos, start.userNanos),
        difference(systemNanos, start.systemNanos));
  }

  private static long difference(long end, long start) {
    return end < 0 || start < 0 ? -1 : end - start;
  }
}
