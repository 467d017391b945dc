package io.concbench.warning;

import io.concbench.result.Result;
import io.concbench.stats.Summaries;
import java.util.List;
import java.util.Locale;

/** With three runs or more, the first much slower than the rest: the warm-up did not reach a steady state. */
final class SlowFirstRun implements WarningRule {

  static final double FIRST_RUN_FACTOR = 1.5;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    List<Double> samples = result.timing().wallMs().samples();
    return samples.size() >= 3 && samples.get(0) > FIRST_RUN_FACTOR * medianOfTheRest(samples);
  }

  @Override
  public String message(Result result, WarningContext context) {
    List<Double> samples = result.timing().wallMs().samples();
    return String.format(Locale.ROOT, "the first measured run was much slower than the rest (%.3f ms against a "
        + "median of %.3f ms): raise --warmup", samples.get(0), medianOfTheRest(samples));
  }

  private static double medianOfTheRest(List<Double> samples) {
    return Summaries.of(samples.subList(1, samples.size()).stream().mapToDouble(d -> d).toArray()).median();
  }
}
