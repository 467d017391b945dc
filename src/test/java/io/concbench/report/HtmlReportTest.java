package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.cli.Cli;
import io.concbench.cli.Services;
import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.CpuClock;
import io.concbench.result.Failure;
import io.concbench.result.LatencySummary;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.Result;
import io.concbench.result.ResultBuilder;
import io.concbench.result.Scaling;
import io.concbench.result.Summary;
import io.concbench.system.BackgroundLoad;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import io.concbench.stats.ScalingFits;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** The html export: self-contained, well-formed, one chart per thing it promises, escaped, locale-free. */
class HtmlReportTest {

  private static final String XHTML = "http://www.w3.org/1999/xhtml";
  private static final String SVG = "http://www.w3.org/2000/svg";
  private static final String NASTY = "<script>alert(\"x\")</script> & 'q' \u001b[31m";

  @TempDir Path dir;

  /** A thread-pool sweep over 1, 2 and 4 workers with its scaling fits, as matrix will write. */
  private static Report sweep() {
    Scaling scaling = ReportFixtures.scaling();
    return new Report(Report.SCHEMA, true, List.of("concbench", "matrix", "--workers", "1,2,4"),
        ReportFixtures.environment(), List.of(ReportFixtures.result("single", 1, 1.0, null, null),
            ReportFixtures.result("thread-pool", 1, 1.0, null, null),
            ReportFixtures.result("thread-pool", 2, 1.905, null, null),
            ReportFixtures.result("thread-pool", 4, 1.951, null, null)),
        List.of(scaling));
  }

  /** As run writes: no scaling, speedups against the single baseline, and a failed result. */
  private static Report run() {
    Result failed = ResultBuilder.result().executor("process-pool")
        .timing(new Result.Timing(3, 1, ReportFixtures.summary(1, 2, 3), null, null, null,
            new LatencySummary(1, 1, 1, 1, 1, 3, List.of(1.0)), 10, 1))
        .speedup("single", 0.5)
        .outcome(new Result.Outcome(2, 0, 0, "task 3 failed: " + NASTY,
            List.of(new Failure(3, "worker died: " + NASTY, 4242, 137, false, "stderr " + NASTY)), null))
        .memory(Result.Memory.UNKNOWN)
        .warnings(NASTY)
        .build();
    return new Report(Report.SCHEMA, false, List.of("concbench", "run", "--param", NASTY),
        ReportFixtures.environment(), List.of(ReportFixtures.result("single", 1, 1.0, null, null),
            ReportFixtures.result("thread-pool", 2, 1.9, null, null), failed));
  }

  @Test
  void theEnvironmentShowsTheRangeOfTheBackgroundLoadAndEachBusiestProcessAtItsMost() throws Exception {
    BackgroundLoad quiet = new BackgroundLoad(3000, 2, 0.02, 0.0, List.of(new BackgroundLoad.BusyProcess(77,
        "kdamond.0", 0.02, false)));
    BackgroundLoad busy = new BackgroundLoad(3000, 2, 0.88, 0.0, List.of(new BackgroundLoad.BusyProcess(4242, NASTY,
        0.87, true), new BackgroundLoad.BusyProcess(77, "kdamond.0", 0.01, false)));
    Result single = ReportFixtures.result("single", 1, 1.0, null, null);
    List<Result> results = List.of(ResultBuilder.from(single).backgroundLoad(quiet).build(),
        ReportFixtures.builder("thread-pool", 2, 1.3).backgroundLoad(busy).build());

    assertThat(HtmlDetails.backgroundLoad(results)).contains(
        "0.02–0.88 cores; busiest: kdamond.0 (pid 77) 0.02, " + NASTY + " (pid 4242) 0.87");
    assertThat(HtmlDetails.backgroundLoad(List.of(single))).isEmpty();
    String html = HtmlReport.render(new Report(Report.SCHEMA, true, List.of("concbench"),
        ReportFixtures.environment(), results));
    assertThat(parse(html).getDocumentElement().getTextContent()).contains("other processes during the runs");
    assertThat(html).doesNotContain("<script>");
  }

  /** A sweep's warnings say which value of the swept parameter each concerns. */
  @Test
  void eachWarningNamesItsFullCase() {
    Result five = ResultBuilder.result().workload("io").params(java.util.Map.of("sleep-ms", 5)).build()
        .withWarnings(List.of("wide"), List.of("wide-interval"));
    Result ten = ResultBuilder.result().workload("io").params(java.util.Map.of("sleep-ms", 10)).build()
        .withWarnings(List.of("wide"), List.of("wide-interval"));
    Report report = new Report(Report.SCHEMA, true, List.of("concbench", "matrix"), ReportFixtures.environment(),
        List.of(five, ten));

    assertThat(HtmlReport.render(report)).contains("io sleep-ms=5 on thread-pool (workers 2); io sleep-ms=10 on "
        + "thread-pool (workers 2)");
  }

  @Test
  void containsNoExternalReference() throws Exception {
    for (Report report : List.of(sweep(), run())) {
      String html = HtmlReport.render(report);
      Document page = parse(html);

      for (Element e : elements(page)) {
        assertThat(e.getLocalName()).as("element that loads something")
            .isNotIn("script", "link", "iframe", "frame", "object", "embed", "img", "image", "audio", "video",
                "source", "track", "base", "portal", "foreignObject");
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
          Attr a = (Attr) attributes.item(i);
          String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
          if (a.getName().startsWith("xmlns")) {
            continue;
          }
          if (List.of("src", "href", "srcset", "action", "formaction", "poster", "data", "background")
              .contains(name)) {
            assertThat(a.getValue()).as(a.getName()).startsWith("#");
          }
          assertThat(name).as("event handler").doesNotStartWith("on");
          assertUrlsAreLocal(a.getValue());
        }
      }
      String style = page.getElementsByTagNameNS(XHTML, "style").item(0).getTextContent();
      assertThat(style).doesNotContain("@import").doesNotContain("@font-face");
      assertUrlsAreLocal(style);
      // Outside namespace declarations, which name and never load, no address of any scheme at all.
      String withoutNamespaces = html.replaceAll("xmlns(:\\w+)?=(['\"])[^'\"]*\\2", "");
      assertThat(withoutNamespaces).doesNotContainPattern("(?i)(https?|ftp|file|data|javascript):");
    }
  }

  @Test
  void isWellFormedXhtmlWithOneSvgPerChartAndTheFittedCurvesWhenThereIsScaling() throws Exception {
    Document page = parse(HtmlReport.render(sweep()));

    assertThat(page.getDocumentElement().getNamespaceURI()).isEqualTo(XHTML);
    assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
    assertThat(chartKinds(page)).containsExactly("wall", "speedup", "latency");
    assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(3);
    Element speedup = chart(page, "speedup");
    assertThat(svgText(speedup)).contains("Amdahl fit", "USL fit", "ideal: speedup = workers",
        "thread-pool (vs workers=1)");
    // The fitted parameters in the table under the chart, as fitted.
    String amdahl = Units.format("%.3f", ReportFixtures.scaling().amdahl().serialFraction());
    assertThat(page.getElementsByTagNameNS(XHTML, "table").item(1).getTextContent()).contains(amdahl, "0.500");
  }

  @Test
  void theFittedCurvesAreTheLawsWithTheReportsParameters() throws Exception {
    Scaling.AmdahlFit amdahl = new Scaling.AmdahlFit(0.25, 4.0, 0.9, 0.1);
    Scaling.UslFit usl = new Scaling.UslFit(0.1, 0.05, Math.sqrt(0.9 / 0.05), 2.0, 0.9, 0.1);

    // The sampled curves (many points) from 1 to 4 workers: the ideal and the two laws. All start at speedup 1,
    // and the ideal, the highest, ends at 4: that gives the axis's scale, which reads the laws' ends back.
    List<double[]> curves = sampledCurves(chart(parse(HtmlReport.render(withScaling(amdahl, usl))), "speedup"));
    assertThat(curves).hasSize(3);
    double atOne = curves.get(0)[0];
    double idealEnd = curves.stream().mapToDouble(c -> c[1]).min().orElseThrow(); // SVG's y grows downwards
    double pixelsPerUnit = (atOne - idealEnd) / 3;
    List<Double> ends = curves.stream().map(c -> 1 + (atOne - c[1]) / pixelsPerUnit).toList();
    assertThat(ends).anySatisfy(v -> assertThat(v).isCloseTo(ScalingFits.amdahlSpeedup(4, 0.25), within(0.01)));
    assertThat(ends).anySatisfy(v -> assertThat(v).isCloseTo(ScalingFits.uslSpeedup(4, 0.1, 0.05), within(0.01)));
    assertThat(curves).allSatisfy(c -> assertThat(c[0]).isEqualTo(atOne));
  }

  /**
   * A process run's table was some twenty columns, wider than a 1 200 px page, its last cut: the process
   * costs go to a table of their own, with the process executors' rows only.
   */
  @Test
  void aProcessRunsCostsHaveATableOfTheirOwnAndPeakMemoryIsShown() throws Exception {
    Summary ms = ReportFixtures.summary(10, 11, 12);
    Result threads = ResultBuilder.result().executor("thread-pool").speedup("single", 1.9)
        .memory(new Result.Memory(ReportFixtures.summary(60, 61, 62), null)).build();
    Result pool = ResultBuilder.result().executor("process-pool").speedup("single", 1.8)
        .phases(new Result.ProcessPhases(null, ms, ms, null, ms, ms))
        .memory(new Result.Memory(ReportFixtures.summary(100, 110, 120), ReportFixtures.summary(30, 31, 32)))
        .build();
    Document page = parse(HtmlReport.render(ReportFixtures.report(true,
        ReportFixtures.result("single", 1, 1.0, null, null), threads, pool)));

    List<Element> tables = tables(page, "results");
    assertThat(tables).hasSize(2);
    assertThat(headers(tables.get(0))).containsSequence("executor", "workers", "wall median")
        .contains("peak rss").doesNotContain("worker rss", "pool start", "ipc/task", "compute/task", "shutdown");
    assertThat(headers(tables.get(1)))
        .containsExactly("executor", "workers", "worker rss", "pool start", "ipc/task", "compute/task", "shutdown");
    assertThat(tables.get(1).getElementsByTagNameNS(XHTML, "tr").getLength()).as("header and the pool's row")
        .isEqualTo(2);
    assertThat(tables.get(1).getTextContent()).contains("process-pool", "31.0 MiB", "11.0 ms");
    assertThat(tables.get(0).getTextContent()).contains("110 MiB", "61.0 MiB");
    for (Element table : tables) {
      assertThat(((Element) table.getParentNode()).getAttribute("class")).as("a box that scrolls, if need be")
          .isEqualTo("wide");
    }
  }

  /** Every column counts on a narrow page: an interval no result has is said once, and headers may wrap. */
  @Test
  void anIntervalNoResultHasIsSaidOnceAndSlashedHeadersMayBreak() throws Exception {
    Result few = ResultBuilder.result().wall(400, 410).speedup("single", 1.9)
        .capacity(new io.concbench.result.CapacitySummary(1.9, 1.8, 2.0, List.of(1.8, 1.9), "threads", 2), 0.99)
        .build();
    Result fewSingle = ResultBuilder.from(few).executor("single").workers(1).speedup("single", 1.0).build();
    String html = HtmlReport.render(ReportFixtures.report(true, fewSingle, few));
    Document page = parse(html);

    assertThat(headers(tables(page, "results").get(0))).contains("eff/capacity", "tasks/s")
        .doesNotContain("99.9% CI");
    assertThat(page.getDocumentElement().getTextContent()).contains("Every result: tasks 16, 99.9% CI n/a.");
    assertThat(html).contains("eff/<wbr/>capacity").doesNotContain("tasks/<wbr/>s");
    Document enough = parse(HtmlReport.render(ReportFixtures.report(true,
        ResultBuilder.from(fewSingle).wall(800, 805, 810, 815, 820).build(),
        ResultBuilder.from(few).wall(400, 410, 420, 430, 440).build())));
    assertThat(headers(tables(enough, "results").get(0))).contains("99.9% CI");
  }

  @Test
  void withoutScalingThereIsNoSpeedupVsWorkersChartButSpeedupsPerResult() throws Exception {
    Document page = parse(HtmlReport.render(run()));

    assertThat(chartKinds(page)).containsExactly("wall", "speedup-per-result", "latency");
    assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(3);
    assertThat(HtmlReport.render(run())).doesNotContain("Amdahl fit");
  }

  @Test
  void aMatrixOfRatesDrawsLatencyAgainstOfferedRateWithEachKnee() throws Exception {
    List<Result> points = new ArrayList<>();
    for (double rate : new double[] {50, 100, 150}) {
      points.add(io.concbench.stats.RateKneesTest.point("thread-pool", rate, 100_000, rate > 100 ? 900_000 : 110_000));
      points.add(io.concbench.stats.RateKneesTest.point("virtual", rate, 100_000, 120_000));
    }
    Report report = ReportFixtures.report(true, io.concbench.stats.RateKnees.attach(points, 2)
        .toArray(Result[]::new));

    Document page = parse(HtmlReport.render(report));

    assertThat(chartKinds(page)).containsExactly("wall", "latency", "rate");
    assertThat(svgText(chart(page, "rate"))).contains("io on thread-pool, 10 workers: knee 100/s",
        "io on virtual, 10 workers: knee beyond 150/s", "p99 latency", "p50 latency", "log scale");
    assertThat(TableReport.render(report)).contains("io on thread-pool, 10 workers: 100/s (service 100 ms)");
  }

  @Test
  void withoutAnySpeedupThereIsNoSpeedupChartAtAll() throws Exception {
    Report report = ReportFixtures.report(true, ReportFixtures.result("thread-pool", 2, null, null, null));

    assertThat(chartKinds(parse(HtmlReport.render(report)))).containsExactly("wall", "latency");
  }

  @Test
  void aReportWithoutResultsIsAPageSayingSo() throws Exception {
    Document page = parse(HtmlReport.render(ReportFixtures.report(false)));

    assertThat(chartKinds(page)).isEmpty();
    assertThat(page.getDocumentElement().getTextContent()).contains("No results.");
  }

  @Test
  void zeroTimesStillDrawAxes() throws Exception {
    Result zero = ResultBuilder.result()
        .timing(new Result.Timing(1, 0, ReportFixtures.summary(0), null, null, null,
            new LatencySummary(0, 0, 0, 0, 0, 16, List.of(0.0)), 0, 0))
        .memory(Result.Memory.UNKNOWN)
        .build();

    assertThat(chartKinds(parse(HtmlReport.render(ReportFixtures.report(true, zero))))).containsExactly("wall",
        "latency");
  }

  @Test
  void everyChartIdIsUniqueInThePage() throws Exception {
    Report twoWorkloads = new Report(Report.SCHEMA, true, List.of("concbench"), ReportFixtures.environment(),
        List.of(ReportFixtures.result("single", 1, 1.0, null, null),
            renamed(ReportFixtures.result("single", 1, 1.0, null, null), "io")),
        List.of(ReportFixtures.scaling()));
    Document page = parse(HtmlReport.render(twoWorkloads));

    List<String> ids = new ArrayList<>();
    for (Element e : elements(page)) {
      if (e.hasAttribute("id")) {
        ids.add(e.getAttribute("id"));
      }
    }
    assertThat(ids).isNotEmpty().doesNotHaveDuplicates();
    assertThat(page.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(2 + 1 + 2);
  }

  @Test
  void escapesEveryTextItShows() throws Exception {
    String html = HtmlReport.render(run());
    Document page = parse(html);

    String text = page.getDocumentElement().getTextContent();
    String shown = NASTY.replace('\u001b', '\uFFFD');
    assertThat(text).contains("--param '" + shown.replace("'", "'\\''") + "'"); // the command line, as typed
    assertThat(text).contains("task 3 failed: " + shown, "worker died: " + shown, "stderr " + shown);
    assertThat(page.getElementsByTagNameNS(XHTML, "script").getLength()).isZero();
    assertThat(text).contains("Incomplete");
    assertThat(HtmlReport.escape("a<b>&\"c'\u0000\ud800")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;\uFFFD\uFFFD");
    assertThat(HtmlReport.escape("\ud83d\ude00")).isEqualTo("\ud83d\ude00");
  }

  @Test
  void numbersHaveADecimalPointInEveryLocale() throws Exception {
    Locale before = Locale.getDefault();
    String german;
    String root;
    try {
      Locale.setDefault(Locale.GERMANY);
      german = HtmlReport.render(sweep());
      Locale.setDefault(Locale.ROOT);
      root = HtmlReport.render(sweep());
    } finally {
      Locale.setDefault(before);
    }
    assertThat(german).isEqualTo(root);
    // Tick labels of the speedup axis, which ends a little above the sweep's 1.95: 0.2, 0.4 ... never 0,2.
    Document page = parse(german);
    assertThat(svgText(chart(page, "speedup"))).contains("0.2", "1.4").doesNotContainPattern("\\d,\\d");
    assertThat(svgText(chart(page, "wall"))).doesNotContainPattern("\\d,\\d");
  }

  @Test
  void reportCommandWritesHtmlAndRunExportsIt() throws Exception {
    Path json = dir.resolve("saved.json");
    Files.writeString(json, JsonReport.render(sweep()));
    Path html = dir.resolve("saved.html");

    assertThat(cli("report", json.toString(), "--format", "html", "--output", html.toString())).isZero();
    assertThat(chartKinds(parse(Files.readString(html)))).containsExactly("wall", "speedup", "latency");

    Path exported = dir.resolve("run.html");
    assertThat(cli("run", "--workload", "tiny", "--executor", "thread-pool", "--workers", "2", "--tasks", "4",
        "--runs", "2", "--warmup", "0", "--capacity", "off", "--export", "html=" + exported)).isZero();
    assertThat(chartKinds(parse(Files.readString(exported)))).containsExactly("wall", "speedup-per-result",
        "latency");
  }

  private static int cli(String... args) {
    Services services = new Services(Clock.SYSTEM, CpuClock.system(), ReportFixtures::environment,
        new Cancellation(), false, false);
    return Cli.run(args, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), services);
  }

  private static Report withScaling(Scaling.AmdahlFit amdahl, Scaling.UslFit usl) {
    Scaling s = ReportFixtures.scaling();
    Scaling fitted = new Scaling(s.workload(), s.executor(), s.params(), s.guard(), s.chunksize(), s.reference(),
        s.referenceWallMs(), s.points(), amdahl, usl);
    Report sweep = sweep();
    return new Report(sweep.schema(), true, sweep.commandLine(), sweep.environment(), sweep.results(),
        List.of(fitted));
  }

  private static Result renamed(Result r, String workload) {
    return ResultBuilder.from(r).workload(workload).build();
  }

  private static void assertUrlsAreLocal(String text) {
    Matcher url = Pattern.compile("url\\(\\s*['\"]?([^)'\"]*)").matcher(text);
    while (url.find()) {
      assertThat(url.group(1)).as("url() in " + text).startsWith("#");
    }
  }

  /** Parsed as XML by the JDK's parser, namespace-aware, refusing any external entity or DTD. */
  static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<Element> elements(Document page) {
    NodeList all = page.getElementsByTagName("*");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < all.getLength(); i++) {
      out.add((Element) all.item(i));
    }
    return out;
  }

  /** The page's tables that have this class, in order. */
  private static List<Element> tables(Document page, String className) {
    List<Element> out = new ArrayList<>();
    NodeList tables = page.getElementsByTagNameNS(XHTML, "table");
    for (int i = 0; i < tables.getLength(); i++) {
      Element table = (Element) tables.item(i);
      if (List.of(table.getAttribute("class").split(" ")).contains(className)) {
        out.add(table);
      }
    }
    return out;
  }

  private static List<String> headers(Element table) {
    NodeList headers = table.getElementsByTagNameNS(XHTML, "th");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < headers.getLength(); i++) {
      out.add(headers.item(i).getTextContent());
    }
    return out;
  }

  private static List<String> chartKinds(Document page) {
    List<String> kinds = new ArrayList<>();
    NodeList figures = page.getElementsByTagNameNS(XHTML, "figure");
    for (int i = 0; i < figures.getLength(); i++) {
      Element figure = (Element) figures.item(i);
      assertThat(figure.getElementsByTagNameNS(SVG, "svg").getLength()).isEqualTo(1);
      kinds.add(figure.getAttribute("data-kind"));
    }
    return kinds;
  }

  private static Element chart(Document page, String kind) {
    NodeList figures = page.getElementsByTagNameNS(XHTML, "figure");
    for (int i = 0; i < figures.getLength(); i++) {
      Element figure = (Element) figures.item(i);
      if (figure.getAttribute("data-kind").equals(kind)) {
        return (Element) figure.getElementsByTagNameNS(SVG, "svg").item(0);
      }
    }
    throw new AssertionError("no " + kind + " chart");
  }

  private static String svgText(Element svg) {
    NodeList texts = svg.getElementsByTagNameNS(SVG, "text");
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < texts.getLength(); i++) {
      all.append(texts.item(i).getTextContent()).append('\n');
    }
    return all.toString();
  }

  /** Every long polyline of the chart, in drawing order, as the y of its first and of its last point. */
  private static List<double[]> sampledCurves(Element svg) {
    List<double[]> curves = new ArrayList<>();
    NodeList paths = svg.getElementsByTagNameNS(SVG, "path");
    for (int i = 0; i < paths.getLength(); i++) {
      String[] points = ((Element) paths.item(i)).getAttribute("d").replace("M", "").split("L");
      if (points.length > 50) {
        curves.add(new double[] {y(points[0]), y(points[points.length - 1])});
      }
    }
    return curves;
  }

  /** A path's point, "x,y" or "x y": SVG allows either separator. */
  private static double y(String point) {
    return Double.parseDouble(point.trim().split("[\\s,]+")[1]);
  }
}
