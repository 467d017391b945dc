package io.concbench.cli;

import io.concbench.capacity.ThreadCapacityProbe;
import io.concbench.report.Units;
import io.concbench.system.BackgroundLoad;
import io.concbench.system.CpuSampler;
import io.concbench.system.MachineFacts;
import io.concbench.system.MachineFactsReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code concbench system}: what on this machine affects how stable a measurement can be. */
@Command(name = "system", mixinStandardHelpOptions = true,
    description = "Shows what affects the stability of measurements here (processors, CPU quota, load, busy "
        + "processes, frequency, SMT, steal, JDK) and probes the machine's parallel capacity now.")
public final class SystemCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--sample-ms", paramLabel = "MS", defaultValue = "500",
      description = "How long to watch steal time and busy processes. Default: ${DEFAULT-VALUE}.")
  long sampleMillis;

  @Option(names = "--capacity", paramLabel = "auto|off", defaultValue = "auto",
      converter = CapacityProbing.Converter.class,
      description = "Probe the parallel capacity for 1..N workers (auto) or not. Default: ${DEFAULT-VALUE}.")
  CapacityProbing capacity;

  @Override
  public Integer call() throws InterruptedException {
    if (sampleMillis < 10 || sampleMillis > 60_000) {
      throw new UsageException("invalid value for --sample-ms: '" + sampleMillis + "' (must be from 10 to 60000)");
    }
    PrintWriter out = spec.commandLine().getOut();
    MachineFacts facts = MachineFactsReader.readHere();
    int processors = Runtime.getRuntime().availableProcessors();
    BackgroundLoad sample = CpuSampler.here(5).sample(sampleMillis)
        .orElse(new BackgroundLoad(sampleMillis, null, null, null, List.of()));
    List<String> unreadable = new ArrayList<>(facts.unreadable());

    line(out, "processors", processors + " available to the JVM; online " + orUnknown(facts.onlineCpus())
        + "; cgroup CPU set " + orUnknown(facts.cpusetCpus()));
    line(out, "CPU quota", facts.cpuQuotaCores() == null ? "none found (unlimited, or unreadable: see below)"
        : Units.format("%.2f cores (cgroup)", facts.cpuQuotaCores()));
    line(out, "load average", facts.loadAverage() == null ? "unknown"
        : Units.format("%.2f %.2f %.2f (1, 5, 15 min)", facts.loadAverage().get(0), facts.loadAverage().get(1),
            facts.loadAverage().get(2)));
    if (sample.stealShare() != null) {
      line(out, "steal", Units.format("%.1f %% of CPU time over %d ms (the hypervisor running someone else)",
          100 * sample.stealShare(), sampleMillis));
    } else {
      line(out, "steal", "unknown");
      unreadable.add("steal: /proc/stat not readable");
    }
    if (sample.busiest().isEmpty()) {
      line(out, "busy processes", Units.format("none above 1 %% of a core over %d ms", sampleMillis));
    } else {
      List<String> busy = new ArrayList<>();
      for (BackgroundLoad.BusyProcess p : sample.busiest()) {
        busy.add(Units.format("%s (pid %d%s) %.2f cores", p.name(), p.pid(),
            Boolean.TRUE.equals(p.sameSession()) ? ", this session" : "", p.cores()));
      }
      line(out, "busy processes", String.join("; ", busy));
    }
    line(out, "background", sample.otherCores() == null ? "unknown"
        : Units.format("%.2f cores%s over %d ms: everything but concbench, processes that came and went included",
            sample.otherCores(), sample.cpus() == null ? "" : " of the " + sample.cpus() + " CPUs concbench may use",
            sampleMillis));
    line(out, "frequency", "governor " + orUnknown(facts.cpuGovernor()) + ", turbo " + orUnknown(facts.turbo()));
    line(out, "SMT", facts.smtActive() == null ? "unknown" : facts.smtActive() ? "on" : "off");
    line(out, "JDK", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version") + " ("
        + System.getProperty("java.vendor") + "), flags: "
        + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    if (capacity == CapacityProbing.AUTO) {
      ThreadCapacityProbe probe = new ThreadCapacityProbe();
      List<String> figures = new ArrayList<>(List.of("k=1 1.00"));
      for (int k = 2; k <= processors; k++) {
        figures.add(Units.format("k=%d %.2f", k, probe.measure(k)));
      }
      line(out, "capacity", String.join(", ", figures) + " (threads, measured now; see docs/capacity.md)");
    }
    if (!unreadable.isEmpty()) {
      out.println();
      out.println("Could not read:");
      unreadable.forEach(u -> out.println("  " + u));
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void line(PrintWriter out, String label, String value) {
    out.println(label + " ".repeat(Math.max(1, 16 - label.length())) + value);
  }

  private static String orUnknown(Object value) {
    return value == null ? "unknown" : value.toString();
  }
}
