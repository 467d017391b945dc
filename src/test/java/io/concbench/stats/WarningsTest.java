package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarningsTest {

  private static List<String> warnings(double... wallMs) {
    return Warnings.forWallTime(Summaries.of(wallMs));
  }

  @Test
  void steadyLongRunsRaiseNothing() {
    assertThat(warnings(100, 101, 99, 100, 100.5)).isEmpty();
  }

  @Test
  void anOutlierIsNamed() {
    assertThat(warnings(100, 101, 99, 100, 100.5, 100.2, 99.8, 180))
        .anyMatch(w -> w.startsWith("1 of 8 runs were statistical outliers"));
  }

  @Test
  void aSlowFirstRunSuggestsMoreWarmUp() {
    assertThat(warnings(200, 100, 101, 99, 100)).anyMatch(w -> w.contains("first measured run was much slower")
        && w.contains("raise --warmup"));
    assertThat(warnings(140, 100, 101, 99, 100)).noneMatch(w -> w.contains("first measured run"));
  }

  @Test
  void shortRunsAreFlagged() {
    assertThat(warnings(2, 2.01, 1.99)).anyMatch(w -> w.startsWith("runs took only 2.000 ms"));
  }

  @Test
  void aWideIntervalIsFlaggedAndOneRunSaysItHasNone() {
    assertThat(warnings(100, 150, 80, 130)).anyMatch(w -> w.contains("confidence interval of the mean is"));
    assertThat(warnings(100)).containsExactly("only one measured run: no confidence interval; use --runs 2 or more");
  }
}
