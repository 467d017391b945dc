package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.concbench.result.CounterSummary;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Every export parsed back by a real parser of its format. */
class ExportsTest {

  @TempDir Path dir;

  private final Result failed = ResultBuilder.result().executor("gil")
      .timing(new Result.Timing(3, 1, ReportFixtures.summary(1, 2, 3), null, null, null,
          new io.concbench.result.LatencySummary(1, 1, 1, 1, 1, 3, List.of(1.0, 1.0, 1.0)), 10, 1))
      .outcome(new Result.Outcome(2, 1, 0, "task 3 failed: <boom> & \"quotes\"", List.of(), null))
      .memory(Result.Memory.UNKNOWN)
      .build();
  private final Report report = ReportFixtures.report(true,
      ReportFixtures.result("single", 1, 1.0, null, null),
      ReportFixtures.result("lock", 2, 1.5, new CounterSummary(100, 90, 10, 1), "none"),
      ReportFixtures.result("lock", 2, 1.5, new CounterSummary(100, 99, 1, 1), "atomic"),
      failed);

  @Test
  void everyFormatIsRegisteredOnceAndRenders() {
    assertThat(ReportFormats.names()).doesNotHaveDuplicates()
        .contains("table", "json", "markdown", "html", "csv", "junit", "jmh", "bmf", "gab",
        "gab-bigger");
    for (ReportFormat format : ReportFormats.all()) {
      assertThat(format.render(report)).as(format.name()).isNotBlank();
    }
  }

  @Test
  void csvHasOneSummaryRowPerResultAndOneSampleRowPerRunAllOfTheSameWidth() {
    List<String> lines = CsvReport.render(report).lines().toList();

    assertThat(lines.get(0).split(",", -1)).hasSize(CsvReport.COLUMNS.size());
    assertThat(lines).hasSize(1 + 4 * (1 + 3));
    assertThat(lines.stream().filter(l -> l.startsWith("summary,"))).hasSize(4);
    assertThat(lines.stream().filter(l -> l.startsWith("sample,"))).hasSize(12);
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line.split(",", -1)).as(line).hasSize(CsvReport.COLUMNS.size()); // no cell here holds a comma
    }
    assertThat(CsvReport.quote("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvReport.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  void aChunksizeSweepKeepsItsResultsApartInNamesAndCsv() {
    Result small = ReportFixtures.sweep("tiny", "process-pool", 2, java.util.Map.of(), null, 1, 10, 11, 12);
    Result large = ReportFixtures.sweep("tiny", "process-pool", 2, java.util.Map.of(), null, 100, 1, 2, 3);

    assertThat(ResultNames.of(small)).isEqualTo("tiny/process-pool/workers=2/tasks=16/chunksize=1");
    assertThat(ResultNames.of(large)).isNotEqualTo(ResultNames.of(small));
    List<String> rows = CsvReport.render(ReportFixtures.report(true, small, large)).lines().toList();
    int chunksize = CsvReport.COLUMNS.indexOf("chunksize");
    assertThat(rows).filteredOn(r -> r.startsWith("summary,")).extracting(r -> r.split(",", -1)[chunksize])
        .containsExactly("1", "100");
  }

  @Test
  void csvOfSeveralReportsShownAsOneSaysWhichFileEachRowCameFrom() {
    Result small = ReportFixtures.sweep("tiny", "process-pool", 2, java.util.Map.of(), null, 1, 10, 11, 12);
    Result large = ReportFixtures.sweep("tiny", "process-pool", 2, java.util.Map.of(), null, 100, 1, 2, 3);
    Report one = ReportFixtures.report(true, small, large);
    Report shownAsOne = new Report(one.schema(), one.complete(), one.commandLine(), one.environment(),
        one.results(), one.scaling(), List.of("a.json", "dir/b, old.json"));

    List<String> rows = CsvReport.render(shownAsOne).lines().toList();
    List<String> single = CsvReport.render(one).lines().toList();

    assertThat(rows.get(0)).contains(",chunksize,source,");
    assertThat(rows.subList(1, 5)).allSatisfy(r -> assertThat(r).endsWith(",a.json,,,,,"));
    assertThat(rows.subList(5, 9)).allSatisfy(r -> assertThat(r).endsWith(",\"dir/b, old.json\",,,,,"));
    assertThat(single.subList(1, single.size())).allSatisfy(r -> assertThat(r).endsWith(",,,,,,"));
  }

  @Test
  void aRateRunCarriesItsRateInCsvJunitAndItsNameAndMarkdownShowsTheKnee() throws Exception {
    List<Result> points = io.concbench.stats.RateKnees.attach(List.of(
        io.concbench.stats.RateKneesTest.point("thread-pool", 50, 100_000, 101_000),
        io.concbench.stats.RateKneesTest.point("thread-pool", 150, 100_000, 900_000)), 2);
    Report rates = ReportFixtures.report(true, points.toArray(Result[]::new));

    List<String> rows = CsvReport.render(rates).lines().toList();
    assertThat(rows.get(0)).endsWith(",offered_per_s,achieved_per_s,dropped_tasks,rate_latency_p50_us,"
        + "rate_latency_p99_us");
    List<String> summaries = rows.stream().filter(r -> r.startsWith("summary,")).toList();
    assertThat(summaries.get(0)).endsWith(",50.0,50.0,0,100000.0,101000.0");
    assertThat(summaries.get(1)).endsWith(",150.0,150.0,0,100000.0,900000.0");
    assertThat(rows).filteredOn(r -> r.startsWith("sample,")).allSatisfy(r -> assertThat(r).endsWith(",,,,,,"));
    assertThat(rows).allSatisfy(r -> assertThat(r.split(",", -1)).hasSize(CsvReport.COLUMNS.size()));

    assertThat(ResultNames.of(points.get(0))).endsWith("/rate=50");
    String junit = JunitReport.render(rates);
    assertThat(junit).contains("name=\"io/thread-pool/workers=10/tasks=150/sleep-ms=100/rate=150\"",
        "<property name=\"offered_per_s\" value=\"150.0\"/>",
        "<property name=\"latency_p99_us\" value=\"900000.0\"/>", "<property name=\"knee_per_s\" value=\"50.0\"/>");
    Path file = dir.resolve("TEST-rate.xml");
    Files.writeString(file, junit);
    List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
    assertThat(suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum()).isEqualTo(2);

    String markdown = MarkdownReport.render(rates);
    assertThat(markdown).contains("| offered/s |", "| p50 latency |",
        "> knee: the highest offered rate up to which p99 latency stayed within 2x",
        "> - io on thread-pool, 10 workers: 50.00/s (service 100 ms)");
  }

  @Test
  void junitXmlIsReadBySurefiresOwnParserWithTheFailuresWhereTheyBelong() throws Exception {
    Path file = dir.resolve("TEST-concbench.xml");
    Files.writeString(file, JunitReport.render(report));

    Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    assertThat(document.getDocumentElement().getAttribute("tests")).isEqualTo("4");
    assertThat(document.getDocumentElement().getAttribute("failures")).isEqualTo("2");

    List<ReportTestSuite> suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(file.toString());
    int tests = suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum();
    int failures = suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum();
    assertThat(tests).isEqualTo(4);
    // The failed tasks and the atomic guard's lost update fail; guard none losing updates is the lesson.
    assertThat(failures).isEqualTo(2);
  }

  @Test
  void jmhJsonHasJmhsShapeAndTheRawSamples() throws Exception {
    JsonNode benchmarks = JsonReport.mapper().readTree(JmhReport.render(report));

    assertThat(benchmarks.isArray()).isTrue();
    JsonNode single = benchmarks.get(0);
    assertThat(single.get("benchmark").asText()).isEqualTo("concbench.cpu.single");
    assertThat(single.get("mode").asText()).isEqualTo("ss");
    assertThat(single.get("params").get("n").asText()).isEqualTo("1000");
    JsonNode primary = single.get("primaryMetric");
    assertThat(primary.get("scoreUnit").asText()).isEqualTo("ms/op");
    assertThat(primary.get("rawData").get(0)).hasSize(3);
    assertThat(primary.get("scoreConfidence")).hasSize(2);
    assertThat(primary.get("scorePercentiles").get("50.0").asDouble()).isEqualTo(410.25);
  }

  @Test
  void bmfValidatesAgainstBenchersSchemaWithLatencyInNanoseconds() throws Exception {
    String bmf = BmfReport.render(report);
    try (InputStream schema = getClass().getResourceAsStream("bmf.schema.json")) {
      assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema)
          .validate(JsonReport.mapper().readTree(bmf))).isEmpty();
    }
    JsonNode latency = JsonReport.mapper().readTree(bmf).get("cpu/single/workers=1/tasks=16/n=1000").get("latency");
    assertThat(latency.get("value").asDouble()).isEqualTo(410.25 * 1e6, org.assertj.core.api.Assertions.within(1.0));
    assertThat(latency.get("lower_value").asDouble()).isLessThanOrEqualTo(latency.get("value").asDouble());
    assertThat(latency.get("upper_value").asDouble()).isGreaterThanOrEqualTo(latency.get("value").asDouble());
  }

  @Test
  void gabEntriesHaveNameUnitAndNumericValue() throws Exception {
    for (String text : List.of(GabReport.smallerIsBetter(report), GabReport.biggerIsBetter(report))) {
      JsonNode entries = JsonReport.mapper().readTree(text);
      assertThat(entries.isArray()).isTrue();
      assertThat(entries).allSatisfy(e -> {
        assertThat(e.get("name").isTextual()).isTrue();
        assertThat(e.get("unit").isTextual()).isTrue();
        assertThat(e.get("value").isNumber()).isTrue();
      });
    }
    assertThat(JsonReport.mapper().readTree(GabReport.smallerIsBetter(report))).hasSize(2 * 4);
  }

  @Test
  void htmlIsWellFormedXmlWithAChartPerPromise() throws Exception {
    Document page = HtmlReportTest.parse(HtmlReport.render(report));

    assertThat(page.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
        .isEqualTo(3); // wall, speedup per result, latency: one workload, no scaling
  }

  @Test
  void markdownRowsHaveAsManyCellsAsTheHeader() {
    List<String> rows = MarkdownReport.render(report).lines().filter(l -> l.startsWith("|")).toList();

    assertThat(rows).hasSize(2 + 4);
    long cells = rows.get(0).chars().filter(c -> c == '|').count();
    assertThat(rows).allSatisfy(r -> assertThat(r.replace("\\|", "").chars().filter(c -> c == '|').count())
        .isEqualTo(cells));
  }
}
