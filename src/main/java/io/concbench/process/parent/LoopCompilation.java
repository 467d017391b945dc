package io.concbench.process.parent;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * How C2 compiles a counted loop, read from concbench's own JVM and given to every worker JVM, so that a task
 * runs the same machine code in a worker as on concbench's threads. The collector decides it by default:
 * with G1 (concbench's default) C2 puts a safepoint poll into counted loops, strip-mined every 1000
 * iterations; with Serial (a worker's from JDK 25 on, for its start-up) it puts none. The {@code cpu} task
 * took 51.8 ms in JDK 25 workers against 56.8 ms on concbench's own thread, and process-pool read 2.12x on
 * two cores; given concbench's settings the workers took 59.1 against 57.4 ms, 1.91x
 * (docs/process-executors.md).
 */
final class LoopCompilation {

  /** The product flags that shape a counted loop's compiled code. */
  static final List<String> FLAGS = List.of("UseCountedLoopSafepoints", "LoopStripMiningIter");

  private static volatile List<String> thisJvm;

  private LoopCompilation() {}

  /** This JVM's settings as worker options; none where they cannot be read (not HotSpot). */
  static List<String> ofThisJvm() {
    List<String> options = thisJvm;
    if (options == null) {
      options = from(LoopCompilation::hotSpotFlag);
      thisJvm = options;
    }
    return options;
  }

  /** The options that set each of {@link #FLAGS} to its value; a flag without a value is left out. */
  static List<String> from(Function<String, Optional<String>> flagValue) {
    List<String> options = new ArrayList<>();
    for (String flag : FLAGS) {
      flagValue.apply(flag).ifPresent(value -> options.add(option(flag, value)));
    }
    return options;
  }

  private static String option(String flag, String value) {
    return switch (value) {
      case "true" -> "-XX:+" + flag;
      case "false" -> "-XX:-" + flag;
      default -> "-XX:" + flag + "=" + value;
    };
  }

  private static Optional<String> hotSpotFlag(String name) {
    try {
      HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return hotSpot == null ? Optional.empty() : Optional.of(hotSpot.getVMOption(name)).map(VMOption::getValue);
    } catch (IllegalArgumentException | LinkageError | SecurityException e) {
      return Optional.empty(); // no such flag (another VM, or a VM without C2), or no jdk.management module
    }
  }
}
