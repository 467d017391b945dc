package io.concbench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Peak resident memory (Linux's VmHWM) of this process or of a child, and resetting this process's peak so
 * that each measured run reports its own. Elsewhere than on Linux the figures are unknown (-1), never made up.
 */
public interface PeakMemory {

  /** Starts a new peak for this process; false if it cannot (then {@link #ownPeakBytes} is unknown). */
  boolean resetOwnPeak();

  /** This process's peak resident memory since the last reset, in bytes; -1 if unknown. */
  long ownPeakBytes();

  /** Knows nothing: every figure unknown. */
  PeakMemory NONE = new PeakMemory() {
    @Override
    public boolean resetOwnPeak() {
      return false;
    }

    @Override
    public long ownPeakBytes() {
      return -1;
    }
  };

  /** Reads /proc on Linux. */
  PeakMemory SYSTEM = new PeakMemory() {
    @Override
    public boolean resetOwnPeak() {
      try {
        // "5" resets only the peak RSS (CLEAR_REFS_MM_HIWATER_RSS): it walks no page table, costs microseconds.
        Files.writeString(Path.of("/proc/self/clear_refs"), "5", StandardCharsets.US_ASCII);
        return true;
      } catch (IOException | UnsupportedOperationException | SecurityException e) {
        return false;
      }
    }

    @Override
    public long ownPeakBytes() {
      return peakBytesOf("self");
    }
  };

  /** A process's peak resident memory in its life so far (or since its last reset), in bytes; -1 if unknown. */
  static long peakBytesOf(long pid) {
    return peakBytesOf(Long.toString(pid));
  }

  private static long peakBytesOf(String process) {
    try {
      return parseVmHwm(Files.readString(Path.of("/proc", process, "status"), StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return -1; // not Linux, or the process is gone (a zombie has no VmHWM line either)
    }
  }

  /** The VmHWM line of a /proc/PID/status text, in bytes; -1 without one. */
  static long parseVmHwm(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    }
    return -1;
  }
}
