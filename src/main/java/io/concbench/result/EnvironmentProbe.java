package io.concbench.result;

import io.concbench.system.MachineFactsReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the facts of {@link Environment} from this JVM and machine. */
public final class EnvironmentProbe {

  /**
   * A JVM option that the concbench which started this JVM added for its start-up alone (a class-data
   * archive), left out of {@code jvm_args}: it does not change what is measured, and a report naming it would
   * differ from one measured without.
   */
  public static final String ADDED_JVM_OPTION_VARIABLE = "CONCBENCH_ADDED_JVM_OPTION";

  private EnvironmentProbe() {}

  public static Environment read(Clock clock) {
    Runtime runtime = Runtime.getRuntime();
    return new Environment(
        Version.current(),
        System.getProperty("java.version"),
        System.getProperty("java.vendor"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        System.getProperty("java.home"),
        jvmArgs(ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(ADDED_JVM_OPTION_VARIABLE)),
        System.getProperty("os.name"),
        System.getProperty("os.version"),
        System.getProperty("os.arch"),
        cpuModel(Path.of("/proc/cpuinfo")).orElse("unknown"),
        runtime.availableProcessors(),
        runtime.maxMemory() / (1024 * 1024),
        DateTimeFormatter.ISO_INSTANT.format(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS)),
        MachineFactsReader.readHere(),
        List.of(),
        ConcbenchJar.sha256().orElse(null));
  }

  /** The JVM's input arguments less one occurrence of {@code added}, if given. */
  static List<String> jvmArgs(List<String> inputArguments, String added) {
    if (added == null || added.isEmpty()) {
      return inputArguments;
    }
    List<String> kept = new ArrayList<>(inputArguments);
    kept.remove(added);
    return List.copyOf(kept);
  }

  /** The first "model name" line of a cpuinfo file. */
  static Optional<String> cpuModel(Path cpuinfo) {
    try {
      return Files.readAllLines(cpuinfo).stream()
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
