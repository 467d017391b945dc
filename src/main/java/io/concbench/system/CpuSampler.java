package io.concbench.system;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Reads the {@link BackgroundLoad} from Linux's /proc: steal and busy CPU time from /proc/stat's lines for
 * the CPUs this process may run on, each process's CPU time from /proc/[pid]/stat, sampled at a span's start
 * and end. Two reads of a few hundred small files,
 * 4–17 ms on the reference VM: a run takes them around its measured rounds, never inside a timed run.
 */
public final class CpuSampler implements BackgroundMeter {

  /** Processes below this share of a core are not named. */
  static final double NAMED_CORES = 0.01;

  private final Path root;
  private final long self;
  private final Supplier<Set<Long>> ours;
  private final LongSupplier nanoTime;
  private final int top;

  /**
   * @param root where {@code proc/} is ("/" on a real machine, a fixture directory in tests)
   * @param self concbench's pid, whose session the busiest processes are compared with
   * @param ours the pids that are concbench itself and its children, asked at a span's end
   * @param top how many of the busiest other processes to name
   */
  public CpuSampler(Path root, long self, Supplier<Set<Long>> ours, LongSupplier nanoTime, int top) {
    this.root = root;
    this.self = self;
    this.ours = ours;
    this.nanoTime = nanoTime;
    this.top = top;
  }

  /** This machine, everything but this JVM and the processes it started counted as background. */
  public static CpuSampler here(int top) {
    return new CpuSampler(Path.of("/"), ProcessHandle.current().pid(), CpuSampler::thisProcessAndDescendants,
        System::nanoTime, top);
  }

  private static Set<Long> thisProcessAndDescendants() {
    Set<Long> pids = new HashSet<>();
    ProcessHandle self = ProcessHandle.current();
    pids.add(self.pid());
    self.descendants().forEach(p -> pids.add(p.pid()));
    return pids;
  }

  /** /proc/stat's tick counters summed over the CPUs concbench may run on, and how many those are. */
  private record CpuTicks(long[] ticks, Integer cpus) {}

  /** The two reads a span's figures come from. */
  private record Snapshot(long nanoTime, Optional<CpuTicks> cpu, Map<Long, Long> processNanos) {}

  @Override
  public Span start() {
    // The CPUs this process may use: in a container pinned to some of a host's CPUs, the others' work
    // competes with nothing of ours.
    Set<Integer> allowed = allowedCpus();
    Snapshot before = snapshot(allowed);
    return () -> between(before, snapshot(allowed), ours.get());
  }

  /** The load over the next {@code millis} (for {@code concbench system}). */
  public Optional<BackgroundLoad> sample(long millis) throws InterruptedException {
    Span span = start();
    Thread.sleep(millis);
    return span.read();
  }

  private Snapshot snapshot(Set<Integer> allowed) {
    Map<Long, Long> processes = processNanos();
    return new Snapshot(nanoTime.getAsLong(), cpuTicks(allowed), processes);
  }

  private Optional<BackgroundLoad> between(Snapshot before, Snapshot after, Set<Long> ours) {
    double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
    if (seconds <= 0 || (after.cpu().isEmpty() && after.processNanos().isEmpty())) {
      return Optional.empty();
    }
    Double steal = null;
    Double otherCores = null;
    Integer cpus = null;
    if (before.cpu().isPresent() && after.cpu().isPresent()) {
      long[] b = before.cpu().get().ticks();
      long[] a = after.cpu().get().ticks();
      cpus = after.cpu().get().cpus();
      steal = stealShare(b, a);
      long oursNanos = 0;
      for (long pid : ours) {
        oursNanos += usedSince(pid, before, after);
      }
      double busyNanos = (double) (busyTicks(a) - busyTicks(b)) * ProcessCpu.NANOS_PER_TICK;
      // Tick sampling of the totals and of each process differ a little: never below nothing.
      otherCores = Math.max(0, (busyNanos - oursNanos) / 1e9 / seconds);
    }
    // A process's figure includes the children it reaped in the span, whose CPU time may have been spent
    // before it began (a shell reaping a long job): no process can have used more than all the others did,
    // nor more than the CPUs there are.
    double most = otherCores != null ? otherCores : cpus != null ? cpus : Double.MAX_VALUE;
    Map<Long, Double> coresByPid = new HashMap<>();
    for (long pid : after.processNanos().keySet()) {
      double cores = Math.min(most, usedSince(pid, before, after) / 1e9 / seconds);
      if (!ours.contains(pid) && cores > NAMED_CORES) {
        coresByPid.put(pid, cores);
      }
    }
    Optional<Long> ourSession = session(self);
    List<BackgroundLoad.BusyProcess> busiest = coresByPid.entrySet().stream()
        .sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
        .limit(top)
        .map(e -> new BackgroundLoad.BusyProcess(e.getKey(), name(e.getKey()), e.getValue(),
            ourSession.flatMap(mine -> session(e.getKey()).map(theirs -> theirs.equals(mine))).orElse(null)))
        .toList();
    return Optional.of(new BackgroundLoad(seconds * 1e3, cpus, otherCores, steal, busiest));
  }

  /** A process's CPU time in the span: all of it if it started in the span; 0 if it is gone. */
  private static long usedSince(long pid, Snapshot before, Snapshot after) {
    Long now = after.processNanos().get(pid);
    return now == null ? 0 : Math.max(0, now - before.processNanos().getOrDefault(pid, 0L));
  }

  /** steal / total, from two "cpu" lines of /proc/stat (user nice system idle iowait irq softirq steal ...). */
  static double stealShare(long[] before, long[] after) {
    long total = 0;
    // guest and guest_nice (fields 9 and 10) are already counted in user and nice.
    for (int i = 0; i < Math.min(8, Math.min(before.length, after.length)); i++) {
      total += after[i] - before[i];
    }
    long steal = before.length > 7 && after.length > 7 ? after[7] - before[7] : 0;
    return total <= 0 ? 0 : (double) steal / total;
  }

  /** user + nice + system + irq + softirq: time some CPU was doing work for this machine. */
  static long busyTicks(long[] cpu) {
    long busy = 0;
    for (int i : new int[] {0, 1, 2, 5, 6}) {
      busy += i < cpu.length ? cpu[i] : 0;
    }
    return busy;
  }

  static long[] parseCpuLine(String line) {
    String[] fields = line.trim().split("\\s+");
    long[] values = new long[fields.length - 1];
    for (int i = 1; i < fields.length; i++) {
      values[i - 1] = Long.parseLong(fields[i]);
    }
    return values;
  }

  /**
   * The per-CPU lines of /proc/stat for the allowed CPUs (all of them if unknown), summed field by field;
   * the all-CPU line, of an unknown count, where there are no per-CPU lines.
   */
  private Optional<CpuTicks> cpuTicks(Set<Integer> allowed) {
    try {
      long[] sum = null;
      int cpus = 0;
      long[] total = null;
      for (String line : Files.readAllLines(root.resolve("proc/stat"))) {
        if (line.startsWith("cpu ")) {
          total = parseCpuLine(line);
        } else if (line.startsWith("cpu")) {
          int cpu = Integer.parseInt(line.substring(3, line.indexOf(' ')));
          if (allowed.isEmpty() || allowed.contains(cpu)) {
            long[] ticks = parseCpuLine(line);
            sum = sum == null ? ticks : add(sum, ticks);
            cpus++;
          }
        }
      }
      if (sum != null) {
        return Optional.of(new CpuTicks(sum, cpus));
      }
      return total == null ? Optional.empty() : Optional.of(new CpuTicks(total, null));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // no /proc/stat: steal and the total are unknown
    }
  }

  private static long[] add(long[] a, long[] b) {
    long[] sum = new long[Math.min(a.length, b.length)];
    for (int i = 0; i < sum.length; i++) {
      sum[i] = a[i] + b[i];
    }
    return sum;
  }

  /** This process's Cpus_allowed_list from /proc/self/status; empty if it cannot be read (then: all). */
  private Set<Integer> allowedCpus() {
    try {
      for (String line : Files.readAllLines(root.resolve("proc/self/status"))) {
        if (line.startsWith("Cpus_allowed_list:")) {
          return parseCpuList(line.substring("Cpus_allowed_list:".length()).strip());
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or an old kernel
    }
    return Set.of();
  }

  /** A kernel CPU list such as "0-3,8,10-11". */
  static Set<Integer> parseCpuList(String list) {
    Set<Integer> cpus = new HashSet<>();
    for (String part : list.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      int dash = part.indexOf('-');
      int first = Integer.parseInt(part.substring(0, dash < 0 ? part.length() : dash).strip());
      int last = dash < 0 ? first : Integer.parseInt(part.substring(dash + 1).strip());
      for (int cpu = first; cpu <= last; cpu++) {
        cpus.add(cpu);
      }
    }
    return cpus;
  }

  /** CPU time of every process with its reaped children, by pid. */
  private Map<Long, Long> processNanos() {
    Map<Long, Long> nanos = new HashMap<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(root.resolve("proc"), "[0-9]*")) {
      for (Path dir : dirs) {
        try {
          long pid = Long.parseLong(dir.getFileName().toString());
          nanos.put(pid, ProcessCpu.withReapedChildrenNanos(Files.readString(dir.resolve("stat"))));
        } catch (IOException | RuntimeException e) {
          // the process ended between listing and reading
        }
      }
    } catch (IOException e) {
      // no /proc
    }
    return nanos;
  }

  private Optional<Long> session(long pid) {
    try {
      return Optional.of(ProcessCpu.session(Files.readString(root.resolve("proc/" + pid + "/stat"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private String name(long pid) {
    try {
      return Files.readString(root.resolve("proc/" + pid + "/comm")).strip();
    } catch (IOException e) {
      return "?";
    }
  }
}
