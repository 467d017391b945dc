package io.concbench.warning;

import io.concbench.result.RateSummary;
import io.concbench.result.Result;
import java.util.Locale;

/**
 * A rate run whose generator released tasks late: its own error then sits inside the latencies it reports
 * (a task made eligible late starts late through no fault of the executor), so the offered rate was not
 * quite offered. Under {@link #FLOOR_US} a thread's wake-up is as good as the machine gives; below a tenth
 * of the median latency it changes no figure that matters.
 */
final class LateGenerator implements WarningRule {

  static final double FLOOR_US = 100;
  static final double SHARE_OF_LATENCY = 0.1;

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    RateSummary rate = result.rate();
    if (rate == null) {
      return false;
    }
    double lateP99 = rate.releaseLatenessUs().p99();
    return lateP99 > FLOOR_US && lateP99 > SHARE_OF_LATENCY * rate.latencyUs().p50();
  }

  @Override
  public String message(Result result, WarningContext context) {
    RateSummary rate = result.rate();
    return String.format(Locale.ROOT, "the generator released tasks late: p99 lateness %.0f us against a median "
        + "latency of %.0f us; the generator, not the executor, limits these figures (a lower --rate, or a "
        + "quieter machine: a parked thread wakes late when the cores are busy)",
        rate.releaseLatenessUs().p99(), rate.latencyUs().p50());
  }
}
