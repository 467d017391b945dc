package io.concbench.workload.command;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * A live process's peak resident memory so far: VmHWM in Linux's /proc/[pid]/status. Gone with the
 * process (a zombie has no memory figures), so a command's peak is sampled while it runs.
 */
final class ProcessMemory {

  /** Processes looked at per sample at most: a command that starts hundreds is not worth a long walk. */
  static final int MAX_PROCESSES = 64;

  private ProcessMemory() {}

  /**
   * The largest peak of a process and the processes it started, in bytes, or -1: {@code sh -c CMD} keeps the
   * shell waiting for CMD, whose peak is the one that matters. Walks /proc/[pid]/task/[pid]/children.
   */
  static long largestPeakInTree(long pid) {
    long largest = -1;
    long[] pending = new long[MAX_PROCESSES];
    int count = 0;
    pending[count++] = pid;
    for (int next = 0; next < count; next++) {
      long process = pending[next];
      largest = Math.max(largest, peakBytes(process));
      for (long child : children(process)) {
        if (count < MAX_PROCESSES) {
          pending[count++] = child;
        }
      }
    }
    return largest;
  }

  private static long[] children(long pid) {
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/task/" + pid + "/children")) {
      String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      if (text.isEmpty()) {
        return new long[0];
      }
      String[] words = text.split(" ");
      long[] children = new long[words.length];
      for (int i = 0; i < words.length; i++) {
        children[i] = Long.parseLong(words[i]);
      }
      return children;
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }

  /** In bytes; -1 if the process is gone or the system does not say. */
  static long peakBytes(long pid) {
    try (FileInputStream in = new FileInputStream("/proc/" + pid + "/status")) {
      return peakBytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** VmHWM of a /proc/[pid]/status text ("VmHWM:	    1234 kB"), in bytes; -1 if absent. */
  static long peakBytes(String status) {
    int at = status.indexOf("VmHWM:");
    if (at < 0) {
      return -1;
    }
    int end = status.indexOf('\n', at);
    String value = status.substring(at + "VmHWM:".length(), end < 0 ? status.length() : end).strip();
    if (!value.endsWith(" kB")) {
      return -1;
    }
    return Long.parseLong(value.substring(0, value.length() - 3).strip()) * 1024;
  }
}
