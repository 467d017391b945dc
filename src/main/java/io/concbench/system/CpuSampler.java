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
 * Reads the {@link BackgroundLoad} from Linux's /proc: steal and busy CPU time from /proc/stat, each process's
 * CPU time from /proc/[pid]/stat, sampled at a span's start and end. Two reads of a few hundred small files,
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

  /** The two reads a span's figures come from. */
  private record Snapshot(long nanoTime, Optional<long[]> cpuLine, Map<Long, Long> processNanos) {}

  @Override
  public Span start() {
    Snapshot before = snapshot();
    return () -> between(before, snapshot(), ours.get());
  }

  /** The load over the next {@code millis} (for {@code concbench system}). */
  public Optional<BackgroundLoad> sample(long millis) throws InterruptedException {
    Span span = start();
    Thread.sleep(millis);
    return span.read();
  }

  private Snapshot snapshot() {
    Map<Long, Long> processes = processNanos();
    return new Snapshot(nanoTime.getAsLong(), cpuLine(), processes);
  }

  private Optional<BackgroundLoad> between(Snapshot before, Snapshot after, Set<Long> ours) {
    double seconds = (after.nanoTime() - before.nanoTime()) / 1e9;
    if (seconds <= 0 || (after.cpuLine().isEmpty() && after.processNanos().isEmpty())) {
      return Optional.empty();
    }
    Double steal = null;
    Double otherCores = null;
    if (before.cpuLine().isPresent() && after.cpuLine().isPresent()) {
      long[] b = before.cpuLine().get();
      long[] a = after.cpuLine().get();
      steal = stealShare(b, a);
      long oursNanos = 0;
      for (long pid : ours) {
        oursNanos += usedSince(pid, before, after);
      }
      double busyNanos = (double) (busyTicks(a) - busyTicks(b)) * ProcessCpu.NANOS_PER_TICK;
      // Tick sampling of the totals and of each process differ a little: never below nothing.
      otherCores = Math.max(0, (busyNanos - oursNanos) / 1e9 / seconds);
    }
    Map<Long, Double> coresByPid = new HashMap<>();
    for (long pid : after.processNanos().keySet()) {
      double cores = usedSince(pid, before, after) / 1e9 / seconds;
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
    return Optional.of(new BackgroundLoad(seconds * 1e3, otherCores, steal, busiest));
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

  private Optional<long[]> cpuLine() {
    try {
      for (String line : Files.readAllLines(root.resolve("proc/stat"))) {
        if (line.startsWith("cpu ")) {
          return Optional.of(parseCpuLine(line));
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc/stat: steal and the total are unknown
    }
    return Optional.empty();
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
