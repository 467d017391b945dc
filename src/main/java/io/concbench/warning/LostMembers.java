package io.concbench.warning;

import io.concbench.result.ClusterSummary;
import io.concbench.result.Result;
import java.util.List;
import java.util.Locale;

/**
 * A cluster member left before a run's end (killed, crashed, cut off): the run went on with fewer members
 * (they are not replaced), so its figures are those of fewer members than --workers asked for.
 */
final class LostMembers implements WarningRule {

  @Override
  public boolean appliesTo(Result result, WarningContext context) {
    return !lost(result).isEmpty();
  }

  @Override
  public String message(Result result, WarningContext context) {
    List<ClusterSummary.MemberSummary> lost = lost(result);
    ClusterSummary.MemberSummary first = lost.get(0);
    return String.format(Locale.ROOT, "%d of %d cluster members left before a run's end (members are not "
        + "replaced: the others took their tasks, so the figures are fewer members'); first: %s: %s",
        lost.size(), result.cluster().members().size(), first.member(), first.left());
  }

  private static List<ClusterSummary.MemberSummary> lost(Result result) {
    if (result.cluster() == null) {
      return List.of();
    }
    return result.cluster().members().stream().filter(m -> m.left() != null).toList();
  }
}
