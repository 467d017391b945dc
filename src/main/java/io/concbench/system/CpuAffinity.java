package io.concbench.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Holds a running process, every thread of it and of the processes it started, to a set of CPUs, with Linux's
 * {@code taskset -a -p -c} (util-linux): {@code ab} holds both sides of a round to the same CPUs once they are
 * warmed up. Why: on a virtual machine a CPU can be slowed for seconds by whatever runs on its core's other
 * hyperthread (measured on this project's 2-CPU machine: a bare loop 146.6 ms held to one CPU, 153-175 ms held
 * to the other, a few minutes later the other way round); a side's thread stays on the CPU it woke on, so two
 * sides left to the scheduler are often each on a different one, and their ratio measures the CPUs.
 */
public final class CpuAffinity {

  private static final long TASKSET_SECONDS = 10;

  private final List<Integer> cpus;
  private final String unavailable;

  private CpuAffinity(List<Integer> cpus, String unavailable) {
    this.cpus = cpus;
    this.unavailable = unavailable;
  }

  /** This process's CPUs as taskset reports them, or why processes cannot be held to CPUs here. */
  public static CpuAffinity probe() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return none("not Linux");
    }
    try {
      String said = taskset("-c", "-p", Long.toString(ProcessHandle.current().pid()));
      return new CpuAffinity(parseList(said.substring(said.lastIndexOf(':') + 1)), null);
    } catch (IOException | IllegalArgumentException e) {
      return none("taskset (util-linux) did not answer: " + e.getMessage());
    }
  }

  /** CPUs that can be chosen (for scripted sides, which are never held to them). */
  public static CpuAffinity of(List<Integer> cpus) {
    return new CpuAffinity(List.copyOf(cpus), null);
  }

  /** No holding to CPUs here, for the reason given. */
  public static CpuAffinity none(String why) {
    return new CpuAffinity(List.of(), why);
  }

  /** Why processes cannot be held to CPUs here, or null if they can. */
  public String unavailable() {
    return unavailable;
  }

  /** The CPUs this process may run on. */
  public List<Integer> cpus() {
    return cpus;
  }

  /** {@code count} of this process's CPUs, chosen at random, in increasing order. */
  public List<Integer> choose(int count, Random random) {
    List<Integer> pool = new ArrayList<>(cpus);
    List<Integer> chosen = new ArrayList<>();
    for (int i = 0; i < count && !pool.isEmpty(); i++) {
      chosen.add(pool.remove(random.nextInt(pool.size())));
    }
    chosen.sort(null);
    return chosen;
  }

  /**
   * Holds the process, and the processes it has started, with all their threads, to {@code cpus}; threads and
   * processes started later inherit it. A process that has ended is left alone.
   *
   * @throws IllegalStateException if taskset refused a process that is still running
   */
  public static void hold(ProcessHandle process, List<Integer> cpus) {
    String list = list(cpus);
    List<ProcessHandle> all = new ArrayList<>();
    all.add(process);
    process.descendants().forEach(all::add);
    for (ProcessHandle handle : all) {
      try {
        taskset("-a", "-c", "-p", list, Long.toString(handle.pid()));
      } catch (IOException e) {
        if (handle.isAlive()) {
          throw new IllegalStateException("could not hold process " + handle.pid() + " to CPU " + list + ": "
              + e.getMessage());
        }
      }
    }
  }

  /** [0, 2] → "0,2": as taskset takes CPUs, and as ab names a round's. */
  public static String list(List<Integer> cpus) {
    return cpus.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  /** "0-3,5" → [0, 1, 2, 3, 5]. */
  static List<Integer> parseList(String list) {
    TreeSet<Integer> cpus = new TreeSet<>();
    for (String part : list.strip().split(",")) {
      String[] range = part.strip().split("-");
      int from = Integer.parseInt(range[0].strip());
      int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
      for (int cpu = from; cpu <= to; cpu++) {
        cpus.add(cpu);
      }
    }
    if (cpus.isEmpty()) {
      throw new IllegalArgumentException("no CPU in '" + list + "'");
    }
    return List.copyOf(cpus);
  }

  /** Runs taskset with {@code arguments}; its stdout, or an IOException with its stderr if it failed. */
  private static String taskset(String... arguments) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("taskset");
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    try {
      if (!process.waitFor(TASKSET_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("taskset did not end within " + TASKSET_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
    if (process.exitValue() != 0) {
      throw new IOException(said.isEmpty() ? "exit status " + process.exitValue() : said.replace('\n', ' '));
    }
    return said;
  }
}
