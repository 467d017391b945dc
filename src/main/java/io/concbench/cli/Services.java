package io.concbench.cli;

import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.plugin.PluginSource;
import io.concbench.result.Environment;
import io.concbench.result.EnvironmentProbe;
import io.concbench.system.BackgroundMeter;
import io.concbench.system.CpuSampler;
import java.util.function.Supplier;

/**
 * What commands take from the outside world, injected so that tests can replace it.
 *
 * @param stderrTerminal whether progress and colour go to stderr
 * @param installSignalHandlers false in tests, which must not take over the test JVM's signals
 * @param background what else uses the CPUs during a run (tests: nothing, so their warnings are their own)
 * @param pluginsVariable the value of CONCBENCH_PLUGINS, or null where it is not set
 */
public record Services(
    Clock clock,
    CpuClock cpuClock,
    Supplier<Environment> environment,
    Cancellation cancellation,
    boolean stderrTerminal,
    boolean installSignalHandlers,
    BackgroundMeter background,
    String pluginsVariable) {

  /** Top processes a report names as the busiest in the background. */
  private static final int BUSIEST_NAMED = 3;

  public Services(Clock clock, CpuClock cpuClock, Supplier<Environment> environment, Cancellation cancellation,
      boolean stderrTerminal, boolean installSignalHandlers) {
    this(clock, cpuClock, environment, cancellation, stderrTerminal, installSignalHandlers, BackgroundMeter.NONE);
  }

  public Services(Clock clock, CpuClock cpuClock, Supplier<Environment> environment, Cancellation cancellation,
      boolean stderrTerminal, boolean installSignalHandlers, BackgroundMeter background) {
    this(clock, cpuClock, environment, cancellation, stderrTerminal, installSignalHandlers, background, null);
  }

  /** The same services with CONCBENCH_PLUGINS set to {@code value} (null: unset). */
  public Services withPluginsVariable(String value) {
    return new Services(clock, cpuClock, environment, cancellation, stderrTerminal, installSignalHandlers,
        background, value);
  }

  public static Services system() {
    return new Services(Clock.SYSTEM, CpuClock.system(), () -> EnvironmentProbe.read(java.time.Clock.systemUTC()),
        new Cancellation(), Terminal.stderrIsTerminal(), true, CpuSampler.here(BUSIEST_NAMED),
        System.getenv(PluginSource.VARIABLE));
  }
}
