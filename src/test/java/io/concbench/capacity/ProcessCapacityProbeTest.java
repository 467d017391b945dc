package io.concbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real probe processes, bounded. Checks behaviour, not the machine: any capacity in (0, k] is plausible. */
class ProcessCapacityProbeTest {

  @Test
  @Timeout(60)
  void measuresWithSeparateProcessesAndLeavesNoneBehind() throws Exception {
    List<ProcessHandle> probers;
    try (ProcessCapacityProbe probe = new ProcessCapacityProbe()) {
      double first = probe.measure(2);
      double second = probe.measure(2); // the same two processes, started once

      assertThat(probe.method()).isEqualTo("processes");
      assertThat(first).isGreaterThan(0).isLessThanOrEqualTo(2.5);
      assertThat(second).isGreaterThan(0).isLessThanOrEqualTo(2.5);
      probers = ProcessHandle.current().children()
          .filter(p -> p.info().commandLine().map(c -> c.contains(ProbeMain.class.getName())).orElse(false))
          .toList();
      assertThat(probers).hasSize(2);
    }
    for (ProcessHandle prober : probers) {
      assertThat(prober.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS).get()).isNotNull();
    }
  }
}
