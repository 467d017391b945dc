package io.concbench.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@link MachineFacts} from /proc and /sys under a root directory: "/" on a real machine, a fixture
 * directory in tests. Linux only; elsewhere every fact is reported unreadable. Cheap (a few small files),
 * so every report carries it.
 */
public final class MachineFactsReader {

  private final Path root;
  private final List<String> unreadable = new ArrayList<>();

  public MachineFactsReader(Path root) {
    this.root = root;
  }

  public static MachineFacts readHere() {
    return new MachineFactsReader(Path.of("/")).read();
  }

  public MachineFacts read() {
    unreadable.clear();
    String online = first("sys/devices/system/cpu/online", "online CPUs").orElse(null);
    String cpuset = firstOf("CPU set", "sys/fs/cgroup/cpuset.cpus.effective",
        "sys/fs/cgroup/cpuset/cpuset.effective_cpus").orElse(null);
    Double quota = quota();
    List<Double> load = first("proc/loadavg", "load average").map(MachineFactsReader::loadAverage).orElse(null);
    Boolean smt = first("sys/devices/system/cpu/smt/active", "SMT").map(s -> s.equals("1")).orElse(null);
    String governor = first("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "frequency governor")
        .orElse(null);
    String turbo = turbo();
    return new MachineFacts(online, cpuset, quota, load, smt, governor, turbo, List.copyOf(unreadable));
  }

  /**
   * The tightest CPU quota on the way from this process's cgroup (named in /proc/self/cgroup) up to the
   * root: a quota set on a parent slice limits its children too. cgroup v2 cpu.max ("max 100000" or
   * "150000 100000"), else v1 cpu.cfs_quota_us / cpu.cfs_period_us (-1: unlimited). Null when unlimited.
   */
  private Double quota() {
    boolean found = false;
    Double tightest = null;
    for (String dir : cgroupDirectories()) {
      Optional<String> v2 = quiet(dir + "/cpu.max");
      Double quota = null;
      if (v2.isPresent()) {
        found = true;
        String[] fields = v2.get().split("\\s+");
        quota = fields[0].equals("max") ? null : Double.parseDouble(fields[0]) / Double.parseDouble(fields[1]);
      } else {
        Optional<String> q = quiet(dir + "/cpu.cfs_quota_us");
        Optional<String> period = quiet(dir + "/cpu.cfs_period_us");
        if (q.isPresent() && period.isPresent()) {
          found = true;
          long micros = Long.parseLong(q.get());
          quota = micros < 0 ? null : micros / Double.parseDouble(period.get());
        }
      }
      if (quota != null && (tightest == null || quota < tightest)) {
        tightest = quota;
      }
    }
    if (!found) {
      unreadable.add("CPU quota: no cgroup v2 cpu.max nor v1 cpu.cfs_quota_us");
    }
    return tightest;
  }

  /**
   * The directories that may hold this process's CPU quota, innermost first: its own cgroup's and every
   * parent's, for the v2 hierarchy and the v1 cpu controller's mounts, as /proc/self/cgroup names them.
   */
  private List<String> cgroupDirectories() {
    List<String> mounts = List.of("sys/fs/cgroup", "sys/fs/cgroup/cpu", "sys/fs/cgroup/cpu,cpuacct");
    List<String> paths = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(root.resolve("proc/self/cgroup"))) {
        String[] fields = line.split(":", 3); // id:controllers:path
        if (fields.length == 3 && (fields[1].isEmpty() || List.of(fields[1].split(",")).contains("cpu"))) {
          paths.add(fields[2]);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc/self/cgroup: only the mounts' roots are looked at
    }
    List<String> directories = new ArrayList<>();
    for (String mount : mounts) {
      for (String path : paths) {
        for (String p = path; p != null && p.startsWith("/") && !p.equals("/"); p = parent(p)) {
          directories.add(mount + p);
        }
      }
      directories.add(mount);
    }
    return directories;
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? null : path.substring(0, slash);
  }

  private String turbo() {
    Optional<String> noTurbo = quiet("sys/devices/system/cpu/intel_pstate/no_turbo");
    if (noTurbo.isPresent()) {
      return noTurbo.get().equals("1") ? "off" : "on";
    }
    Optional<String> boost = quiet("sys/devices/system/cpu/cpufreq/boost");
    if (boost.isPresent()) {
      return boost.get().equals("1") ? "on" : "off";
    }
    unreadable.add("turbo: neither intel_pstate/no_turbo nor cpufreq/boost");
    return null;
  }

  static List<Double> loadAverage(String loadavg) {
    String[] fields = loadavg.split("\\s+");
    return List.of(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]), Double.parseDouble(fields[2]));
  }

  private Optional<String> firstOf(String what, String... paths) {
    for (String path : paths) {
      Optional<String> value = quiet(path);
      if (value.isPresent()) {
        return value;
      }
    }
    unreadable.add(what + ": " + String.join(" nor ", paths) + " readable");
    return Optional.empty();
  }

  private Optional<String> first(String path, String what) {
    Optional<String> value = quiet(path);
    if (value.isEmpty()) {
      unreadable.add(what + ": /" + path + " " + whyNot(path));
    }
    return value;
  }

  private String whyNot(String path) {
    return Files.exists(root.resolve(path)) ? "not readable" : "does not exist";
  }

  /** The file's first line, trimmed, or empty if it is missing or unreadable. */
  Optional<String> quiet(String path) {
    try {
      List<String> lines = Files.readAllLines(root.resolve(path));
      return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0).strip().toLowerCase(Locale.ROOT));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
