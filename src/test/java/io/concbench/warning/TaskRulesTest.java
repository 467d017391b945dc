package io.concbench.warning;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.ClusterSummary;
import io.concbench.result.CounterSummary;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules that read what became of the runs and their tasks. */
class TaskRulesTest {

  private static final WarningContext CONTEXT = new WarningContext(2, 3, true, 0);

  private static Result outcome(long failed, long unverified, long timedOut, String first) {
    return ResultBuilder.result().outcome(new Result.Outcome(failed, unverified, timedOut, first, List.of(), null))
        .build();
  }

  @Test
  void fewerRunsThanAskedSayTheRunWasInterrupted() {
    InterruptedRuns rule = new InterruptedRuns();
    Result threeRuns = ResultBuilder.result().wall(400, 410, 420).build();
    WarningContext fiveAsked = new WarningContext(2, 5, true, 0);

    assertThat(rule.appliesTo(threeRuns, fiveAsked)).isTrue();
    assertThat(rule.message(threeRuns, fiveAsked)).isEqualTo("interrupted: 3 of 5 measured runs (the rounds every "
        + "result completed); its figures rest on fewer runs than asked");
    assertThat(rule.appliesTo(threeRuns, CONTEXT)).isFalse();
  }

  @Test
  void failedOrWrongTasksAreNamedWithTheFirstFailure() {
    FailedTasks rule = new FailedTasks();
    Result failed = outcome(2, 1, 0, "task 3 threw: boom");

    assertThat(rule.appliesTo(failed, CONTEXT)).isTrue();
    assertThat(rule.message(failed, CONTEXT))
        .isEqualTo("2 task(s) failed and 1 returned a wrong result; first: task 3 threw: boom");
    assertThat(rule.appliesTo(outcome(0, 1, 0, "wrong"), CONTEXT)).isTrue();
    assertThat(rule.appliesTo(outcome(0, 0, 0, null), CONTEXT)).isFalse();
  }

  @Test
  void clusterMembersThatLeftAreNamedWithWhy() {
    LostMembers rule = new LostMembers();
    Result base = ResultBuilder.result().executor("cluster").build();
    ClusterSummary.MemberSummary served = new ClusterSummary.MemberSummary("127.0.0.1:5701", 40, 3.0, 900.0);
    ClusterSummary.MemberSummary lost = new ClusterSummary.MemberSummary("127.0.0.1:5702", 0, 0.0, null, null,
        null, "left during its set-up: Connection closed by the other side");
    Result oneLost = withCluster(base, List.of(served, lost));

    assertThat(rule.appliesTo(oneLost, CONTEXT)).isTrue();
    assertThat(rule.message(oneLost, CONTEXT)).isEqualTo("1 of 2 cluster members left before a run's end "
        + "(members are not replaced: the others took their tasks, so the figures are fewer members'); first: "
        + "127.0.0.1:5702: left during its set-up: Connection closed by the other side");
    assertThat(rule.appliesTo(withCluster(base, List.of(served)), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(base, CONTEXT)).as("not a cluster result").isFalse();
  }

  private static Result withCluster(Result r, List<ClusterSummary.MemberSummary> members) {
    return new Result(r.benchmarkCase(), r.timing(), r.comparison(), r.outcome(), r.phases(), r.capacity(),
        r.memory(), r.backgroundLoad(), r.warnings(), r.warningRules(), r.rate(),
        new ClusterSummary(null, 0, members));
  }

  @Test
  void tasksOverTheTimeoutAreCounted() {
    TimedOutTasks rule = new TimedOutTasks();
    Result late = outcome(2, 0, 2, "ran over --task-timeout of 100 ms");

    assertThat(rule.appliesTo(late, CONTEXT)).isTrue();
    assertThat(rule.message(late, CONTEXT))
        .isEqualTo("2 task(s) ran over --task-timeout; their workers were killed and replaced");
    Result onCluster = ResultBuilder.result().executor("cluster")
        .outcome(new Result.Outcome(1, 0, 1, "ran over --task-timeout of 100 ms", List.of(), null)).build();
    assertThat(rule.message(onCluster, CONTEXT))
        .isEqualTo("1 task(s) ran over --task-timeout; their members were killed (members are not replaced)");
    assertThat(rule.appliesTo(outcome(2, 0, 0, "threw"), CONTEXT)).isFalse();
  }

  @Test
  void aGuardedCounterThatLostUpdatesIsABugAndTheUnguardedOnesLossIsTheLesson() {
    GuardedCounterLost rule = new GuardedCounterLost();
    CounterSummary lossy = new CounterSummary(3000, 2990, 10, 2);
    Result atomic = ResultBuilder.result().guard("atomic").counter(lossy).build();

    assertThat(rule.appliesTo(atomic, CONTEXT)).isTrue();
    assertThat(rule.message(atomic, CONTEXT))
        .isEqualTo("the atomic guard lost 10 counter updates: a guarded counter must be exact");
    assertThat(rule.appliesTo(ResultBuilder.result().guard("none").counter(lossy).build(), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().guard("atomic")
        .counter(new CounterSummary(3000, 3000, 0, 0)).build(), CONTEXT)).isFalse();
    assertThat(rule.appliesTo(ResultBuilder.result().build(), CONTEXT)).as("no counter").isFalse();
  }
}
