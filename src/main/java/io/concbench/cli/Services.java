package io.concbench.cli;

import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.result.Environment;
import io.concbench.result.EnvironmentProbe;
import java.util.function.Supplier;

/**
 * What commands take from the outside world, injected so that tests can replace it.
 *
 * @param stderrTerminal whether progress and colour go to stderr
 * @param installSignalHandlers false in tests, which must not take over the test JVM's signals
 */
public record Services(
    Clock clock,
    CpuClock cpuClock,
    Supplier<Environment> environment,
    Cancellation cancellation,
    boolean stderrTerminal,
    boolean installSignalHandlers) {

  public static Services system() {
    return new Services(Clock.SYSTEM, CpuClock.system(), () -> EnvironmentProbe.read(java.time.Clock.systemUTC()),
        new Cancellation(), Terminal.stderrIsTerminal(), true);
  }
}
