package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.CapacitySummary;
import io.concbench.result.CounterSummary;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableReportTest {

  @Test
  void columnsAlignAndOptionalOnesAppearOnlyWhenTheyHaveSomethingToSay() {
    String plain = TableReport.render(List.of(ReportFixtures.result("thread-pool", 2, null, null, null)));
    String full = TableReport.render(List.of(
        ReportFixtures.result("single", 1, 1.0, null, null),
        ReportFixtures.result("lock", 2, 1.5, new CounterSummary(100, 90, 10, 1), "none")));

    assertThat(plain).doesNotContain("speedup", "guard", "lost updates");
    assertThat(full).contains("speedup", "efficiency", "guard", "lost updates", "10 in 1/3 runs", "1.50x");
    List<String> lines = full.lines().toList();
    assertThat(lines).hasSize(3);
    int speedupColumnEnd = lines.get(0).indexOf("speedup") + "speedup".length();
    assertThat(lines.get(2).substring(speedupColumnEnd - 5, speedupColumnEnd)).isEqualTo("1.50x");
  }

  @Test
  void numbersDoNotDependOnTheLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      String table = TableReport.render(List.of(ReportFixtures.result("single", 1, 1.0, null, null)));

      assertThat(table).contains("410 ms", "1.00x", "1.99").doesNotContain("1,00");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void aSweptParameterAndAChunksizeGetColumnsButAWorkloadsFixedParametersDoNot() {
    String swept = TableReport.render(List.of(
        ReportFixtures.sweep("cpu", "thread-pool", 2, Map.of("n", 1000L), null, null, 10),
        ReportFixtures.sweep("cpu", "thread-pool", 2, Map.of("n", 2000L), null, null, 20),
        ReportFixtures.sweep("tiny", "process-pool", 2, Map.of(), null, 10, 5)));
    String fixed = TableReport.render(List.of(
        ReportFixtures.sweep("cpu", "thread-pool", 2, Map.of("n", 1000L), null, null, 10),
        ReportFixtures.sweep("io", "thread-pool", 2, Map.of("sleep-ms", 100L), null, null, 20)));

    List<String> header = List.of(swept.lines().findFirst().orElseThrow().trim().split(" +"));
    assertThat(header).containsSequence("executor", "n", "chunksize", "workers");
    assertThat(swept.lines().toList().get(2)).contains(" 2000 ");
    assertThat(fixed).doesNotContain("sleep-ms", "chunksize").doesNotContain(" n ");
  }

  /** An interval stopped at zero is printed as its two ends: "24 ms ±163 ms" would read as crossing zero. */
  @Test
  void anIntervalStoppedAtZeroIsPrintedAsItsEnds() {
    Result noisy = ResultBuilder.from(ReportFixtures.builder("thread-pool", 2, 1.9).build())
        .wall(5, 5, 5, 5, 100).build();
    Result steady = ResultBuilder.from(noisy).wall(100, 101, 99, 100, 100).build();

    assertThat(TableReport.render(List.of(noisy))).contains(" 0–188 ms ").doesNotContain("±");
    assertThat(TableReport.render(List.of(steady))).contains("±");
  }

  @Test
  void theBoundColumnsAppearOnlyForWorkThatWaitsAsWellAsComputes() {
    Result probed = ReportFixtures.builder("thread-pool", 2, 1.9)
        .capacity(new CapacitySummary(1.9, 1.8, 2.0, List.of(1.8, 1.9, 2.0), "threads", 2), null).build();
    Result allCpu = ResultBuilder.from(probed).bound(0.99, 1.92, 0.99).build();
    // Half waiting, on a machine that gave its two cores: the bound is the workers', 2.00, within 5 % of
    // the capacity, and still the figure to read for such work.
    Result waiting = ResultBuilder.from(probed).bound(0.55, 2.0, 0.95).build();

    assertThat(TableReport.render(List.of(allCpu))).contains("eff/capacity").doesNotContain("bound");
    String mixed = TableReport.render(List.of(allCpu, waiting));
    List<String> header = List.of(mixed.lines().findFirst().orElseThrow().trim().split(" +"));
    assertThat(header).containsSequence("eff/capacity", "bound", "eff/bound");
    assertThat(mixed.lines().toList().get(2)).endsWith("2.00x       0.95");
    assertThat(mixed.lines().toList().get(1)).as("the all-CPU row: no bound of its own")
        .endsWith("1.90/2").doesNotContain("1.92x");
  }

  /** Two identical cpu runs once printed different columns: a disturbed baseline read a share of 0.90. */
  @Test
  void whetherWorkWaitsIsTheWorksNotTheNoisyShareOfOneRun() {
    Result probed = ReportFixtures.builder("thread-pool", 2, 1.9)
        .capacity(new CapacitySummary(1.9, 1.8, 2.0, List.of(1.8, 1.9, 2.0), "threads", 2), null).build();
    Result disturbedCpu = ResultBuilder.from(probed).bound(0.90, 1.92, 0.99).workWaits(false).build();
    Result olderReport = ResultBuilder.from(probed).bound(0.90, 1.92, 0.99).workWaits(null).build();

    assertThat(TableReport.render(List.of(disturbedCpu))).doesNotContain("bound");
    assertThat(TableReport.render(List.of(olderReport))).as("no work_waits: the share decides").contains("bound");
  }

  /** 10 000 platform threads against 10 000 virtual threads: what tells them apart is their memory. */
  @Test
  void peakMemoryGetsAColumnWhenItTellsResultsApart() {
    Result virtual = ResultBuilder.result().executor("virtual").workers(10_000)
        .memory(new Result.Memory(ReportFixtures.summary(70, 72, 74), null)).build();
    Result platform = ResultBuilder.result().executor("thread-per-task").workers(10_000)
        .memory(new Result.Memory(ReportFixtures.summary(1500, 1536, 1600), null)).build();
    Result alike = ResultBuilder.result().executor("thread-pool")
        .memory(new Result.Memory(ReportFixtures.summary(80, 90, 100), null)).build();

    String apart = TableReport.render(List.of(virtual, platform));
    assertThat(apart.lines().findFirst().orElseThrow()).endsWith("peak rss");
    assertThat(apart.lines().toList().get(1)).endsWith(" 72.0 MiB");
    assertThat(apart.lines().toList().get(2)).endsWith(" 1.50 GiB");
    assertThat(TableReport.render(List.of(virtual, alike))).as("72 and 90 MiB: the JVM's own footprint")
        .doesNotContain("rss");
    assertThat(TableReport.render(List.of(platform))).as("one result: nothing to tell apart").doesNotContain("rss");
    assertThat(TableReport.render(List.of(virtual, ResultBuilder.from(platform).memory(Result.Memory.UNKNOWN).build())))
        .as("an unknown peak tells nothing").doesNotContain("rss");
  }

  @Test
  void theLargestWorkersPeakGetsAColumnWhenAnyResultHasWorkers() {
    Result pool = ResultBuilder.result().executor("process-pool")
        .memory(new Result.Memory(ReportFixtures.summary(60, 61, 62), ReportFixtures.summary(40, 45.25, 50))).build();
    Result threads = ResultBuilder.result().executor("thread-pool").build();

    String table = TableReport.render(List.of(threads, pool));
    List<String> header = List.of(table.lines().findFirst().orElseThrow().trim().split("  +"));
    assertThat(header).contains("worker rss").doesNotContain("peak rss");
    assertThat(table.lines().toList().get(1)).doesNotContain("MiB");
    assertThat(table.lines().toList().get(2)).endsWith(" 45.3 MiB");
    assertThat(TableReport.render(List.of(threads))).doesNotContain("rss");
  }

  @Test
  void peaksAreInMebibytesUpToAGibibyte() {
    assertThat(MemoryColumns.mebibytes(5.123)).isEqualTo("5.12 MiB");
    assertThat(MemoryColumns.mebibytes(61.04)).isEqualTo("61.0 MiB");
    assertThat(MemoryColumns.mebibytes(1023.4)).isEqualTo("1023 MiB");
    assertThat(MemoryColumns.mebibytes(1536)).isEqualTo("1.50 GiB");
    assertThat(MemoryColumns.mebibytes(20_480)).isEqualTo("20.0 GiB");
  }
}
