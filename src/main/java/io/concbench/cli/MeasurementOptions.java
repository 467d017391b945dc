package io.concbench.cli;

import picocli.CommandLine.Option;

/**
 * How {@code run} and {@code matrix} measure each case: warm-up and measured runs, the capacity probe, the
 * simulated GIL's hand-over interval. A picocli mixin that checks its own options ({@link #validate}).
 */
public final class MeasurementOptions {

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Discarded warm-up runs of each case. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Measured runs of each case. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--capacity", paramLabel = "auto|off", defaultValue = "auto",
      converter = CapacityProbing.Converter.class,
      description = "Probe the machine's parallel capacity in every measured round of parallel cases (auto; "
          + "not for io, whose waits overlap whatever the cores), or not. Default: ${DEFAULT-VALUE}.")
  CapacityProbing capacity;

  @Option(names = "--switch-interval-ms", paramLabel = "X", defaultValue = "5",
      description = "How long the gil executor's lock is held before a hand-over. Default: ${DEFAULT-VALUE}.")
  double switchIntervalMs;

  /** Refuses a count or an interval out of range, naming the option and the value. */
  void validate() {
    UsageException.requireRange("--warmup", warmup, 0, 1000);
    UsageException.requireRange("--runs", runs, 1, 10_000);
    // A lower bound of 1 us: below it the interval would round to 0 ns (found by the tests branch).
    if (!(switchIntervalMs >= 0.001 && switchIntervalMs <= 10_000)) {
      throw UsageException.invalid("--switch-interval-ms", switchIntervalMs, "must be from 0.001 to 10000");
    }
  }

  int warmup() {
    return warmup;
  }

  int runs() {
    return runs;
  }

  boolean probesCapacity() {
    return capacity == CapacityProbing.AUTO;
  }

  long switchIntervalNanos() {
    return Math.round(switchIntervalMs * 1e6);
  }
}
