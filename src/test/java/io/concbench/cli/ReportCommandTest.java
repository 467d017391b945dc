package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.report.JsonReport;
import io.concbench.result.AbSection;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir Path dir;

  @Test
  void severalReportsAreShownAsOneWithTheirResultsSideBySide() throws Exception {
    Path jvm = write("jvm.json", ReportFixtures.report(true, ReportFixtures.result("thread-pool", 2, 1.9, null, null)));
    Report python = ReportFixtures.report(false, ReportFixtures.result("py-pool-map", 2, 1.5, null, null));
    Path py = write("py.json", new Report(python.schema(), false, List.of("python-baseline"),
        python.environment(), python.results(), List.of(ReportFixtures.scaling())));

    Outcome table = CommandRunner.run("report", jvm.toString(), py.toString());
    Outcome json = CommandRunner.run("report", jvm.toString(), py.toString(), "--format", "json");

    assertThat(table.status()).isZero();
    assertThat(table.out()).contains("thread-pool").contains("py-pool-map");
    SchemaValidation.assertValid(json.out());
    Report combined = JsonReport.mapper().readValue(json.out(), Report.class);
    assertThat(combined.results()).extracting(r -> r.benchmarkCase().executor())
        .containsExactly("thread-pool", "py-pool-map");
    assertThat(combined.scaling()).hasSize(1);
    assertThat(combined.complete()).isFalse();
    assertThat(combined.commandLine()).containsExactly("concbench", "run");
  }

  /** Two runs of the same case read alike: the first column says which file each row is from. */
  @Test
  void severalReportsHaveASourceColumnAndOneHasNone() throws Exception {
    Path a = write("a.json", ReportFixtures.report(true, ReportFixtures.result("thread-pool", 2, 1.9, null, null)));
    Path b = write("b.json", ReportFixtures.report(true, ReportFixtures.result("thread-pool", 2, 1.9, null, null)));

    Outcome both = CommandRunner.run("report", a.toString(), b.toString());
    Outcome markdown = CommandRunner.run("report", a.toString(), b.toString(), "--format", "markdown");
    Outcome json = CommandRunner.run("report", a.toString(), b.toString(), "--format", "json");
    Outcome html = CommandRunner.run("report", a.toString(), b.toString(), "--format", "html");
    Outcome one = CommandRunner.run("report", a.toString());

    List<String> rows = both.out().lines().toList();
    assertThat(rows.get(0)).startsWith("source ").contains(" workload ");
    assertThat(rows.get(1)).startsWith(a + "  ").contains("thread-pool");
    assertThat(rows.get(2)).startsWith(b + "  ").contains("thread-pool");
    assertThat(markdown.out()).contains("| source | workload |", "| " + a + " | cpu |", "| " + b + " | cpu |");
    assertThat(json.out()).doesNotContain("source");
    assertThat(html.out()).contains("<th>source</th>").contains(a.toString(), b.toString());
    SchemaValidation.assertValid(json.out());
    assertThat(one.out().lines().findFirst().orElseThrow()).startsWith("workload ");
  }

  @Test
  void aBadFileAmongSeveralIsOneLineExitTwoAndNoOutput() throws Exception {
    Path good = write("good.json", ReportFixtures.report(true, ReportFixtures.result("single", 1, 1.0, null, null)));
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"schema\": ");
    Path output = dir.resolve("out.md");

    Outcome outcome = CommandRunner.run("report", good.toString(), bad.toString(), "--format", "markdown",
        "--output", output.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().count()).isEqualTo(1);
    assertThat(outcome.err()).contains(bad.toString());
    assertThat(output).doesNotExist();
  }

  /** An ab report of ten rounds, B 5 % slower, confirmed by eight more. */
  static Report abReport() {
    List<AbSection.Round> rounds = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      rounds.add(new AbSection.Round(i, i % 2 == 0 ? "AB" : "BA", 100 + i * 0.1, 105 + i * 0.1, 1.05));
    }
    AbSection.Confirmation confirmation = new AbSection.Confirmation(8, rounds.subList(0, 8), 1.05, 1.049, 1.051,
        0.0078, "regressed", "rounds", 40_000);
    AbSection section = new AbSection("interleaved", List.of("--workload", "cpu"), List.of("--workload", "cpu",
        "--param", "n=<b>"), null, null, 7, "wall_ms median", 0.05, 0.99, 0.999, 8, null, 60_000, rounds, 1.05,
        1.049, 1.051, 0.002, "regressed", "certain", 50_000, confirmation);
    return Report.ab(true, List.of("concbench", "ab", "-a", "", "-b", "--param n=<b>", "--confirm", "8"),
        ReportFixtures.environment(), section);
  }

  @Test
  void anAbReportIsShownAloneInItsOwnFormats() throws Exception {
    Path ab = write("ab.json", abReport());

    Outcome table = CommandRunner.run("report", ab.toString());
    Outcome markdown = CommandRunner.run("report", ab.toString(), "--format", "markdown");
    Outcome junit = CommandRunner.run("report", ab.toString(), "--format", "junit");
    Outcome html = CommandRunner.run("report", ab.toString(), "--format", "html");
    Outcome json = CommandRunner.run("report", ab.toString(), "--format", "json");

    assertThat(List.of(table, markdown, junit, html, json)).allSatisfy(o -> assertThat(o.status()).isZero());
    assertThat(table.out()).contains("round", "B/A", "c8", "verdict: regressed: B/A 1.0500x");
    assertThat(markdown.out()).contains("### concbench ab: regressed", "| c8 |");
    assertThat(junit.out()).contains("<testsuite", "<failure");
    assertThat(html.out()).startsWith("<!DOCTYPE html>").contains("concbench ab: <span class=\"verdict bad\">",
        "n=&lt;b&gt;", "<svg", "confirming round 8");
    assertThat(html.out().split("<circle ", -1)).hasSize(10 + 8 + 1);
    // Well-formed XML, as the run page is.
    javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new java.io.ByteArrayInputStream(html.out().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    SchemaValidation.assertValid(json.out());
    assertThat(JsonReport.mapper().readValue(json.out(), Report.class).ab()).isEqualTo(abReport().ab());
  }

  @Test
  void anAbReportRefusesWhatItCannotBeInOneLine() throws Exception {
    Path ab = write("ab.json", abReport());
    Path run = write("run.json", ReportFixtures.report(true, ReportFixtures.result("thread-pool", 2, 1.9, null, null)));

    Outcome csv = CommandRunner.run("report", ab.toString(), "--format", "csv");
    Outcome several = CommandRunner.run("report", run.toString(), ab.toString());
    Outcome compared = CommandRunner.run("compare", ab.toString(), run.toString());

    assertThat(csv.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(csv.err()).contains("invalid value for --format: 'csv' (" + ab + " is an ab report, shown as table, "
        + "markdown, json, junit, html)").hasLineCount(1);
    assertThat(several.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(several.err()).contains(ab + ": an ab report, which is shown alone").hasLineCount(1);
    assertThat(compared.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(compared.err()).contains(ab + ": an ab report: it holds its own verdict").hasLineCount(1);
  }

  private Path write(String name, Report report) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, JsonReport.render(report));
    return file;
  }
}
