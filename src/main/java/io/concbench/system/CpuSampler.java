package io.concbench.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Facts that need two samples some time apart: steal time (from /proc/stat) and the processes busiest on
 * the CPU (from /proc/[pid]/stat). For {@code concbench system} only: a report does not wait for them.
 */
public final class CpuSampler {

  /** A process and its share of one CPU between the two samples (1.0 = a whole core). */
  public record BusyProcess(long pid, String name, double cores) {}

  /** Steal as a share of all CPU time in the interval, or empty; and the busiest other processes. */
  public record Sample(Optional<Double> stealShare, List<BusyProcess> busiest) {}

  private final Path root;

  public CpuSampler(Path root) {
    this.root = root;
  }

  public Sample sample(long millis, int top) throws InterruptedException {
    Optional<long[]> before = cpuLine();
    Map<Long, Long> processesBefore = processCpuNanos();
    long start = System.nanoTime();
    Thread.sleep(millis);
    double seconds = (System.nanoTime() - start) / 1e9;
    Optional<long[]> after = cpuLine();
    Map<Long, Long> processesAfter = processCpuNanos();

    Optional<Double> steal = Optional.empty();
    if (before.isPresent() && after.isPresent()) {
      steal = Optional.of(stealShare(before.get(), after.get()));
    }
    long self = ProcessHandle.current().pid();
    List<BusyProcess> busy = new ArrayList<>();
    processesAfter.forEach((pid, nanos) -> {
      Long earlier = processesBefore.get(pid);
      if (earlier != null && pid != self) {
        double cores = (nanos - earlier) / 1e9 / seconds;
        if (cores > 0.01) {
          busy.add(new BusyProcess(pid, name(pid), cores));
        }
      }
    });
    busy.sort(Comparator.comparingDouble(BusyProcess::cores).reversed());
    return new Sample(steal, busy.subList(0, Math.min(top, busy.size())));
  }

  /** steal / total, from two "cpu" lines of /proc/stat (user nice system idle iowait irq softirq steal ...). */
  static double stealShare(long[] before, long[] after) {
    long total = 0;
    for (int i = 0; i < Math.min(before.length, after.length); i++) {
      total += after[i] - before[i];
    }
    long steal = before.length > 7 && after.length > 7 ? after[7] - before[7] : 0;
    return total <= 0 ? 0 : (double) steal / total;
  }

  static long[] parseCpuLine(String line) {
    String[] fields = line.trim().split("\\s+");
    long[] values = new long[fields.length - 1];
    for (int i = 1; i < fields.length; i++) {
      values[i - 1] = Long.parseLong(fields[i]);
    }
    return values;
  }

  private Optional<long[]> cpuLine() {
    try {
      for (String line : Files.readAllLines(root.resolve("proc/stat"))) {
        if (line.startsWith("cpu ")) {
          return Optional.of(parseCpuLine(line));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc/stat: steal is unknown
    }
    return Optional.empty();
  }

  /** CPU time (user + kernel) of every process, by pid. */
  private Map<Long, Long> processCpuNanos() {
    Map<Long, Long> nanos = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          ProcessCpu cpu = ProcessCpu.parse(Files.readString(dir.resolve("stat")));
          nanos.put(Long.parseLong(dir.getFileName().toString()), cpu.totalNanos());
        } catch (IOException | RuntimeException e) {
          // the process ended between listing and reading
        }
      }
    } catch (IOException e) {
      // no /proc
    }
    return nanos;
  }

  private String name(long pid) {
    try {
      return Files.readString(root.resolve("proc/" + pid + "/comm")).strip();
    } catch (IOException e) {
      return "?";
    }
  }
}
