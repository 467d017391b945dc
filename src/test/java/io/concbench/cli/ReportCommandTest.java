package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.report.JsonReport;
import io.concbench.result.Report;
import io.concbench.result.ReportFixtures;
import io.concbench.result.SchemaValidation;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private Path write(String name, Report report) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, JsonReport.render(report));
    return file;
  }
}
