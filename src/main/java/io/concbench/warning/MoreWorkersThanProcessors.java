package io.concbench.warning;

import io.concbench.result.Result;
import java.util.Locale;

/**
 * More workers than processors, for work that computes: workers wait for a core, so the speedup cannot
 * reach the worker count. More threads than cores cost sleeping work nothing.
 */
final class MoreWorkersThanProcessors implements WarningRule {

  /** Below this many busy cores a run is mostly waiting, and more workers than processors cost nothing. */
  static final double CPU_BOUND_CORES = 0.5;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    Result.Timing timing = result.timing();
    boolean cpuBound = timing.cpuMs() == null || timing.coresUsed() >= CPU_BOUND_CORES;
    return context.parallel() && result.benchmarkCase().workers() > context.processors() && cpuBound;
  }

  @Override
  public String message(Result result, WarningContext context) {
    int workers = result.benchmarkCase().workers();
    return String.format(Locale.ROOT, "%d workers on %d available processors: workers wait for a core, so speedup "
        + "cannot reach %d", workers, context.processors(), workers);
  }
}
