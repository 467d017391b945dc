package io.concbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.executor.ClusterFigures;
import io.concbench.executor.ClusterFigures.MemberFigures;
import io.concbench.result.ClusterSummary;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ClusterFiguresSummaryTest {

  @Test
  void tasksComputeAndRetriesAreSummedOverRunsAndReadyTimesTakeTheirMedian() {
    List<RunSample> runs = List.of(
        run(new ClusterFigures(2, List.of(new MemberFigures("a", 10, 4_000_000, 1_000_000_000),
            new MemberFigures("b", 6, 2_000_000, 2_000_000_000)))),
        run(new ClusterFigures(0, List.of(new MemberFigures("a", 8, 1_000_000, 3_000_000_000L),
            new MemberFigures("b", 8, 1_000_000, -1)))));

    ClusterSummary summary = ClusterFiguresSummary.of(runs, null);

    assertThat(summary.retries()).isEqualTo(2);
    assertThat(summary.members()).containsExactly(
        new ClusterSummary.MemberSummary("a", 18, 5.0, 2000.0),
        new ClusterSummary.MemberSummary("b", 14, 3.0, 2000.0));
  }

  @Test
  void otherExecutorsRunsHaveNone() {
    assertThat(ClusterFiguresSummary.of(List.of(run(null)), null)).isNull();
    assertThat(ClusterFiguresSummary.of(List.of(), null)).isNull();
  }

  private static RunSample run(ClusterFigures figures) {
    return new RunSample(1, new CpuTimes(0, 0, 0), new Histogram(3), 1, 0, 0, 0, 0, null, List.of(), 0, Map.of(),
        -1, -1, null, figures);
  }
}
