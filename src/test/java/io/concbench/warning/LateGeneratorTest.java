package io.concbench.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.RateSummary;
import io.concbench.result.RateSummary.Percentiles;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import org.junit.jupiter.api.Test;

class LateGeneratorTest {

  private static final WarningContext CONTEXT = new WarningContext(2, 3, true, 0);
  private final LateGenerator rule = new LateGenerator();

  private static Result rateRun(double latenessP99Us, double latencyP50Us) {
    Result r = ResultBuilder.result().build();
    Percentiles latency = new Percentiles(latencyP50Us, latencyP50Us, latencyP50Us, latencyP50Us, latencyP50Us, 100);
    Percentiles lateness = new Percentiles(1, 1, latenessP99Us, latenessP99Us, latenessP99Us, 100);
    RateSummary rate = new RateSummary("constant", null, null, 1000, 990, 0, latency, latency, latency, lateness);
    return new Result(r.benchmarkCase(), r.timing(), r.comparison(), r.outcome(), r.phases(), r.capacity(),
        r.memory(), r.backgroundLoad(), r.warnings(), r.warningRules(), rate);
  }

  @Test
  void lateReleasesThatMatterAgainstTheLatencyAreWarnedAbout() {
    Result late = rateRun(500, 50);

    assertThat(rule.appliesTo(late, CONTEXT)).isTrue();
    assertThat(rule.message(late, CONTEXT)).startsWith("the generator released tasks late: p99 lateness 500 us "
        + "against a median latency of 50 us");
  }

  @Test
  void lateReleasesThatAreSmallOrUnderTheFloorAreNot() {
    assertThat(rule.appliesTo(rateRun(500, 100_000), CONTEXT)).isFalse(); // 0.5 % of 100 ms
    assertThat(rule.appliesTo(rateRun(90, 10), CONTEXT)).isFalse(); // under the 100 us floor
    assertThat(rule.appliesTo(ResultBuilder.result().build(), CONTEXT)).isFalse(); // a closed run
  }
}
