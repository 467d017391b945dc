package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.system.ProcessCpu;

/** Runs too short for Linux's 10 ms CPU ticks: cpu_ms and cores_used are rough. */
final class CoarseCpuTime implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return result.timing().cpuMs() != null && result.timing().wallMs().median() < ProcessCpu.PRECISE_FROM_MS;
  }

  /** The same text for every result, so that a report can say it once for all of them. */
  @Override
  public String message(Result result, WarningContext context) {
    return "process CPU time is counted in 10 ms ticks, so on runs under 200 ms cpu_ms and cores_used are "
        + "rough: raise --tasks for a precise figure";
  }
}
