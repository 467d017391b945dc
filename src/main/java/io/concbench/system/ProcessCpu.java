package io.concbench.system;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A process's CPU time in user and in kernel mode, from Linux's /proc/[pid]/stat, in nanoseconds (it counts
 * in ticks of USER_HZ, 10 ms). Elsewhere than on Linux it is unknown, never made up.
 */
public record ProcessCpu(long userNanos, long systemNanos) {

  public static final ProcessCpu ZERO = new ProcessCpu(0, 0);
  /**
   * Below this much CPU time (ms) a figure is rough: one tick is over 5 % of it. Said of short runs' cpu_ms
   * and cores_used, and why a baseline of less gives no share of a core to bound a speedup with.
   */
  public static final double PRECISE_FROM_MS = 200.0;
  /** USER_HZ: the unit of utime/stime. 100 on every Linux that Java runs on; not readable from Java. */
  static final long NANOS_PER_TICK = 10_000_000L;

  public long totalNanos() {
    return userNanos + systemNanos;
  }

  public ProcessCpu plus(ProcessCpu other) {
    return new ProcessCpu(userNanos + other.userNanos, systemNanos + other.systemNanos);
  }

  /** What was used since {@code earlier}, each part at least 0. */
  public ProcessCpu since(ProcessCpu earlier) {
    return new ProcessCpu(Math.max(0, userNanos - earlier.userNanos),
        Math.max(0, systemNanos - earlier.systemNanos));
  }

  /** Of this process. */
  public static Optional<ProcessCpu> self() {
    return read("self");
  }

  /** Of the children this process has waited for, all together (cutime and cstime of /proc/self/stat). */
  public static Optional<ProcessCpu> reapedChildrenOfSelf() {
    try (FileInputStream in = new FileInputStream("/proc/self/stat")) {
      return Optional.of(reapedChildren(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The cutime and cstime fields (16 and 17) of a /proc/[pid]/stat text. */
  static ProcessCpu reapedChildren(String stat) {
    long[] ticks = numbers(stat, 16, 17);
    return new ProcessCpu(ticks[0] * NANOS_PER_TICK, ticks[1] * NANOS_PER_TICK);
  }

  /** Of a process that is alive, or dead and not yet reaped; empty once it is gone, or not on Linux. */
  public static Optional<ProcessCpu> of(long pid) {
    return read(Long.toString(pid));
  }

  /** Through java.io, not java.nio.file: a worker JVM reads its own at its exit and need not load NIO. */
  private static Optional<ProcessCpu> read(String process) {
    try (FileInputStream in = new FileInputStream("/proc/" + process + "/stat")) {
      return Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The utime and stime fields (14 and 15) of a /proc/[pid]/stat text. Scanned by hand, not split with a
   * regular expression: a worker reads its own at its exit, and String.split("\\s+") made a fresh worker
   * JVM load and link java.util.regex and its lambdas there, about 25 ms (docs/process-executors.md).
   */
  static ProcessCpu parse(String stat) {
    long[] ticks = numbers(stat, 14, 15);
    return new ProcessCpu(ticks[0] * NANOS_PER_TICK, ticks[1] * NANOS_PER_TICK);
  }

  /**
   * The CPU time of a process and of its children that it has reaped (utime, stime, cutime and cstime,
   * fields 14 to 17 of a /proc/[pid]/stat text), in nanoseconds: what a shell or a build tool has cost the
   * machine so far, its finished jobs included.
   */
  static long withReapedChildrenNanos(String stat) {
    long[] ticks = numbers(stat, 14, 17);
    return (ticks[0] + ticks[1] + ticks[2] + ticks[3]) * NANOS_PER_TICK;
  }

  /** The session id (field 6) of a /proc/[pid]/stat text: the process group leader of the login or terminal. */
  static long session(String stat) {
    return numbers(stat, 6, 6)[0];
  }

  /** The numeric fields {@code first} to {@code last} (both at least 4) of a /proc/[pid]/stat text. */
  private static long[] numbers(String stat, int first, int last) {
    // The command name (field 2) may hold spaces and parentheses: fields are counted after the last ')'.
    int at = stat.lastIndexOf(')') + 1;
    long[] numbers = new long[last - first + 1];
    for (int field = 3; field <= last; field++) {
      while (at < stat.length() && stat.charAt(at) == ' ') {
        at++;
      }
      int end = at;
      while (end < stat.length() && stat.charAt(end) != ' ' && stat.charAt(end) != '\n') {
        end++;
      }
      if (end == at) {
        throw new IllegalArgumentException("no field " + field + " in /proc stat: " + stat);
      }
      if (field >= first) {
        numbers[field - first] = Long.parseLong(stat, at, end, 10);
      }
      at = end;
    }
    return numbers;
  }
}
