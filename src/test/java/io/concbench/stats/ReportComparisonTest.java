package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.Environment;
import io.concbench.result.LoadedPlugin;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportComparisonTest {

  private static final ComparisonRule RULE = ComparisonRule.DEFAULT;

  @Test
  void resultsPairOnTheirChunksizeSoASweepIsComparedPointByPoint() {
    Report baseline = report(pool(1, 100), pool(10, 50), pool(null, 20));
    // The current report lists them in another order, and one chunksize only it has.
    Report current = report(pool(null, 20), pool(10, 50), pool(1, 100), pool(100, 30));

    ReportComparison.Outcome outcome = ReportComparison.compare(baseline, current, RULE);

    assertThat(outcome.pairs()).extracting(p -> p.key().chunksize()).containsExactly(1, 10, null);
    assertThat(outcome.pairs()).allSatisfy(p -> assertThat(p.regressed() || p.improved()).isFalse());
    assertThat(outcome.baselineOnly()).isEmpty();
    assertThat(outcome.currentOnly()).extracting(ReportComparison.Key::chunksize).containsExactly(100);
    assertThat(outcome.currentOnly().get(0).label()).endsWith(", chunksize 100)");
  }

  @Test
  void aRateRunPairsOnlyAtTheSameOfferedRateAndNeverWithAClosedRun() {
    Result closed = pool(null, 20);
    Report baseline = report(closed, atRate(closed, 50), atRate(closed, 100));
    Report current = report(atRate(closed, 100), atRate(closed, 200));

    ReportComparison.Outcome outcome = ReportComparison.compare(baseline, current, RULE);

    assertThat(outcome.pairs()).extracting(p -> p.key().offeredPerS()).containsExactly(100.0);
    assertThat(outcome.baselineOnly()).extracting(ReportComparison.Key::offeredPerS).containsExactly(null, 50.0);
    assertThat(outcome.currentOnly()).extracting(ReportComparison.Key::offeredPerS).containsExactly(200.0);
    assertThat(outcome.currentOnly().get(0).label()).endsWith(", at 200/s)");
    assertThat(outcome.baselineOnly().get(0).label()).doesNotContain("/s");
  }

  private static Result atRate(Result r, double perSecond) {
    return r.withRate(RateKneesTest.point("process-pool", perSecond, 1000, 2000).rate());
  }

  @Test
  void jvmOptionsConcbenchVersionsAndPluginsAreEnvironmentDifferences() {
    Environment base = ReportFixtures.environment();
    Environment other = new Environment("0.0.1-test", base.javaVersion(), base.javaVendor(), base.javaVm(),
        base.javaVmName(), base.javaVmVersion(), base.javaHome(), List.of("-XX:TieredStopAtLevel=1"), base.osName(),
        base.osVersion(), base.osArch(), base.cpuModel(), base.availableProcessors(), base.maxHeapMb(),
        base.timestampUtc(), base.system(),
        List.of(new LoadedPlugin("/p/regex.jar", "ab".repeat(32), "regex", "1.0", List.of("regex"))));

    assertThat(ReportComparison.environmentDifferences(base, other)).containsExactly(
        "JVM options differ: none vs -XX:TieredStopAtLevel=1",
        "concbench version differs: 0.0.0-test vs 0.0.1-test",
        "plug-ins differ: none vs regex /p/regex.jar (sha256 abababababab)");
    assertThat(ReportComparison.environmentDifferences(base, base)).isEmpty();
    assertThat(ReportComparison.environmentDifferences(withJar(base, "a"), withJar(base, "b")))
        .containsExactly("concbench jar differs (SHA-256): " + "a".repeat(64) + " vs " + "b".repeat(64));
    assertThat(ReportComparison.environmentDifferences(base, withJar(base, "b"))).as("unknown on one side").isEmpty();
  }

  private static Environment withJar(Environment e, String digit) {
    return new Environment(e.concbenchVersion(), e.javaVersion(), e.javaVendor(), e.javaVm(), e.javaVmName(),
        e.javaVmVersion(), e.javaHome(), e.jvmArgs(), e.osName(), e.osVersion(), e.osArch(), e.cpuModel(),
        e.availableProcessors(), e.maxHeapMb(), e.timestampUtc(), e.system(), e.plugins(), digit.repeat(64));
  }

  private static Result pool(Integer chunksize, double wallMs) {
    return ReportFixtures.sweep("tiny", "process-pool", 2, Map.of(), null, chunksize,
        wallMs, wallMs * 1.01, wallMs * 0.99, wallMs * 1.02, wallMs * 0.98);
  }

  private static Report report(Result... results) {
    return ReportFixtures.report(true, results);
  }
}
