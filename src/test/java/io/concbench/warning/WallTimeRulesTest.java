package io.concbench.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import org.junit.jupiter.api.Test;

/** The rules that read the wall times of the measured runs. */
class WallTimeRulesTest {

  private static final WarningContext CONTEXT = new WarningContext(2, 3, true, 0);

  private static Result wall(double... ms) {
    return ResultBuilder.result().wall(ms).build();
  }

  @Test
  void anOutlierIsCountedAndSteadyOrIdenticalRunsHaveNone() {
    OutlierRuns rule = new OutlierRuns();
    Result outlier = wall(100, 101, 99, 100, 100.5, 100.2, 99.8, 180);

    assertThat(rule.appliesTo(outlier, CONTEXT)).isTrue();
    assertThat(rule.message(outlier, CONTEXT)).isEqualTo("1 of 8 runs were statistical outliers: another program "
        + "or the machine's host may have interfered; rerun on a quieter machine or with more --runs");
    assertThat(rule.appliesTo(wall(100, 101, 99, 100, 100.5), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(wall(100, 100, 100, 180), CONTEXT)).as("no spread to judge by").isFalse();
  }

  @Test
  void aSlowFirstRunOfThreeOrMoreSuggestsMoreWarmUp() {
    SlowFirstRun rule = new SlowFirstRun();
    Result slow = wall(200, 100, 101, 99, 100);

    assertThat(rule.appliesTo(slow, CONTEXT)).isTrue();
    assertThat(rule.message(slow, CONTEXT)).isEqualTo("the first measured run was much slower than the rest "
        + "(200.000 ms against a median of 100.000 ms): raise --warmup");
    assertThat(rule.appliesTo(wall(140, 100, 101, 99, 100), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(wall(300, 100), CONTEXT)).as("two runs").isFalse();
  }

  @Test
  void runsUnderFiveMillisecondsAreTooShortToTime() {
    ShortRuns rule = new ShortRuns();
    Result brief = wall(2, 2.01, 1.99);

    assertThat(rule.appliesTo(brief, CONTEXT)).isTrue();
    assertThat(rule.message(brief, CONTEXT))
        .isEqualTo("runs took only 2.000 ms, too short to time reliably: raise --tasks or the work per task");
    assertThat(rule.appliesTo(wall(5, 5, 5), CONTEXT)).isFalse();
  }

  @Test
  void anIntervalWiderThanATenthOfTheMeanEitherWayIsNamed() {
    WideInterval rule = new WideInterval();
    // Mean 112, standard deviation 27.75, t = 8.610 for 4 degrees of freedom: ±106.9 ms, 95.4 % of the mean.
    Result noisy = wall(100, 150, 80, 130, 100);

    assertThat(rule.appliesTo(noisy, CONTEXT)).isTrue();
    assertThat(rule.message(noisy, CONTEXT)).isEqualTo("the 99.9% confidence interval of the mean is ±95.4% "
        + "wide: raise --runs or quiet the machine");
    assertThat(rule.appliesTo(wall(100, 101, 99, 100, 100.5), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(wall(100), CONTEXT)).as("one run has no interval").isFalse();
  }

  @Test
  void fewerRunsThanAnIntervalNeedsSayThatItHasNone() {
    FewRuns rule = new FewRuns();

    assertThat(rule.appliesTo(wall(100), CONTEXT)).isTrue();
    assertThat(rule.message(wall(100), CONTEXT)).isEqualTo("only one measured run: no confidence interval (below "
        + "5 runs a 99.9% interval is wider than anything the runs could mean); use --runs 5 or more");
    assertThat(rule.message(wall(100, 101, 99), CONTEXT)).startsWith("only 3 measured runs: no confidence");
    assertThat(rule.appliesTo(wall(100, 101, 99, 100), CONTEXT)).isTrue();
    assertThat(rule.appliesTo(wall(100, 101, 99, 100, 102), CONTEXT)).isFalse();
  }
}
