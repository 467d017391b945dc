package io.concbench.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.CounterSummary;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class WarningRulesTest {

  @Test
  void eachRuleIsListedOnce() {
    assertThat(WarningRules.ALL).extracting(Object::getClass).doesNotHaveDuplicates();
  }

  /** The JSON's warning_rules: scripts filter on these names, so a renamed class must not rename one. */
  @Test
  void eachRuleHasItsStableName() {
    assertThat(WarningRules.names()).containsExactly("interrupted-runs", "failed-tasks", "timed-out-tasks",
        "lost-members", "late-generator", "outlier-runs", "slow-first-run", "short-runs", "wide-interval",
        "few-runs", "coarse-cpu-time",
        "more-workers-than-processors", "more-workers-than-tasks", "low-capacity", "faster-tasks",
        "busy-background", "uncertain-efficiency", "guarded-counter-lost");
  }

  @Test
  void eachWarningIsNamedByItsRule() {
    Result troubled = ResultBuilder.result().wall(2).build();

    Result checked = WarningRules.result(troubled, new WarningContext(2, 3, true, 0));

    assertThat(checked.warnings()).isEqualTo(WarningRules.check(troubled, new WarningContext(2, 3, true, 0)));
    assertThat(checked.warningRules()).containsExactly("interrupted-runs", "short-runs", "few-runs",
        "coarse-cpu-time");
  }

  @Test
  void aResultListsTheWarningsThatApplyInTheRulesOrder() {
    // One 2 ms run of three asked, a failed task that timed out, a guard that lost updates.
    Result troubled = ResultBuilder.result().wall(2).guard("atomic")
        .outcome(new Result.Outcome(1, 0, 1, "ran over --task-timeout of 1 ms", List.of(),
            new CounterSummary(100, 99, 1, 1)))
        .build();

    List<String> warnings = WarningRules.check(troubled, new WarningContext(2, 3, true, 0));

    assertThat(warnings).hasSize(7);
    assertThat(warnings.get(0)).startsWith("interrupted: 1 of 3 measured runs");
    assertThat(warnings.get(1)).startsWith("1 task(s) failed and 0 returned a wrong result");
    assertThat(warnings.get(2)).startsWith("1 task(s) ran over --task-timeout");
    assertThat(warnings.get(3)).startsWith("runs took only 2.000 ms");
    assertThat(warnings.get(4)).startsWith("only one measured run");
    assertThat(warnings.get(5)).startsWith("process CPU time is counted in 10 ms ticks");
    assertThat(warnings.get(6)).startsWith("the atomic guard lost 1 counter updates");
  }

  @Test
  void aSteadyResultHasNone() {
    Result steady = ResultBuilder.result().wall(400, 401, 399, 400, 400.5).build();

    assertThat(WarningRules.check(steady, new WarningContext(2, 5, true, 0))).isEmpty();
  }
}
