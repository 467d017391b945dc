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
import java.util.List;
import java.util.Optional;

/** Reads the facts of {@link Environment} from this JVM and machine. */
public final class EnvironmentProbe {

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
        ManagementFactory.getRuntimeMXBean().getInputArguments(),
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
