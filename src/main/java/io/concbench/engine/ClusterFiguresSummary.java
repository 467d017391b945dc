package io.concbench.engine;

import io.concbench.executor.ClusterFigures;
import io.concbench.result.ClusterSummary;
import io.concbench.result.Summary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A cluster case's runs' figures as its result has them: retries and per-member counts summed, ready times' median. */
final class ClusterFiguresSummary {

  private ClusterFiguresSummary() {}

  /** Null unless every run is a cluster run. */
  static ClusterSummary of(List<RunSample> runs, Summary clusterStartMs) {
    if (runs.isEmpty()) {
      return null;
    }
    for (RunSample run : runs) {
      if (run.cluster() == null) {
        return null;
      }
    }
    List<ClusterFigures.MemberFigures> first = runs.get(0).cluster().members();
    long retries = 0;
    for (RunSample run : runs) {
      retries += run.cluster().retries();
    }
    List<ClusterSummary.MemberSummary> members = new ArrayList<>();
    for (int m = 0; m < first.size(); m++) {
      long tasks = 0;
      long computeNanos = 0;
      double[] ready = new double[runs.size()];
      int known = 0;
      String left = null;
      for (RunSample run : runs) {
        List<ClusterFigures.MemberFigures> figures = run.cluster().members();
        if (m < figures.size()) {
          ClusterFigures.MemberFigures member = figures.get(m);
          tasks += member.tasks();
          computeNanos += member.computeNanos();
          left = left == null ? member.left() : left;
          if (member.readyNanos() >= 0) {
            ready[known++] = member.readyNanos() / 1e6;
          }
        }
      }
      members.add(new ClusterSummary.MemberSummary(first.get(m).member(), tasks, computeNanos / 1e6,
          known == 0 ? null : median(Arrays.copyOf(ready, known)), first.get(m).processors(),
          first.get(m).jdk(), left));
    }
    return new ClusterSummary(clusterStartMs, retries, members);
  }

  private static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }
}
