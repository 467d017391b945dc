package io.concbench.warning;

import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.List;

/** Every rule, in the order a result lists their warnings: what went wrong first, then how to read it. */
public final class WarningRules {

  static final List<WarningRule> ALL = List.of(
      new InterruptedRuns(),
      new FailedTasks(),
      new TimedOutTasks(),
      new LostMembers(),
      new LateGenerator(),
      new OutlierRuns(),
      new SlowFirstRun(),
      new ShortRuns(),
      new WideInterval(),
      new FewRuns(),
      new CoarseCpuTime(),
      new MoreWorkersThanProcessors(),
      new MoreWorkersThanTasks(),
      new LowCapacity(),
      new FasterTasks(),
      new BusyBackground(),
      new UncertainEfficiency(),
      new GuardedCounterLost());

  private WarningRules() {}

  /** The warnings of every rule that applies to the result, in the rules' order. */
  public static List<String> check(Result result, WarningContext context) {
    return result(result, context).warnings();
  }

  /** The result with the warnings of every rule that applies to it, each with its rule's name. */
  public static Result result(Result result, WarningContext context) {
    List<String> warnings = new ArrayList<>();
    List<String> rules = new ArrayList<>();
    for (WarningRule rule : ALL) {
      if (rule.appliesTo(result, context)) {
        warnings.add(rule.message(result, context));
        rules.add(rule.name());
      }
    }
    return result.withWarnings(List.copyOf(warnings), List.copyOf(rules));
  }

  /** Every rule's name, in the rules' order. */
  public static List<String> names() {
    return ALL.stream().map(WarningRule::name).toList();
  }
}
