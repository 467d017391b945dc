package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.cli.CommandRunner.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --export FORMAT=FILE, or a FILE whose extension names its format (issue 19: "r.html" was refused). */
class ExportTargetTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource({"html=r.txt, html, r.txt", "r.html, html, r.html", "R.HTM, html, R.HTM", "out/r.md, markdown, out/r.md",
      "r.csv, csv, r.csv", "r.json, json, r.json", "r.xml, junit, r.xml", "r.txt, table, r.txt",
      "bmf=r.json, bmf, r.json", "csv=a=b.csv, csv, a=b.csv"})
  void formatAndFile(String value, String format, String file) {
    ExportTarget target = new ExportTarget.Converter().convert(value);

    assertThat(target.format().name()).isEqualTo(format);
    assertThat(target.file()).isEqualTo(Path.of(file));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "r.pdf    | invalid value for --export: 'r.pdf' (expected FORMAT=FILE, e.g. html=report.html, or a FILE ending "
          + "in .json, .md, .csv, .html, .htm, .xml, .txt; formats: table, json, markdown, csv, html, junit, jmh, "
          + "bmf, gab, gab-bigger)",
      "report   | invalid value for --export: 'report' (expected FORMAT=FILE",
      "a.d/file | invalid value for --export: 'a.d/file' (expected FORMAT=FILE",
      "html=    | invalid value for --export: 'html=' (no FILE after 'html=')",
      "pdf=r    | invalid value for --export: 'pdf' (expected one of: table, json",
  })
  void refused(String value, String line) {
    assertThatThrownBy(() -> new ExportTarget.Converter().convert(value.strip()))
        .isInstanceOfSatisfying(BadValue.class, bad -> assertThat(bad.line("--export")).startsWith(line.strip()));
  }

  @Test
  void aBareHtmlFileIsWrittenAsHtml() throws Exception {
    Path page = dir.resolve("r.html");

    Outcome outcome = CommandRunner.run("run", "--workload", "cpu", "--param", "n=1000", "--executor", "single",
        "--runs", "1", "--warmup", "0", "--capacity", "off", "--quiet", "--export", page.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>");
  }

  @Test
  void aBareFileWithNoKnownExtensionIsOneLineAndExitTwo() {
    Path pdf = dir.resolve("r.pdf");

    Outcome outcome = CommandRunner.run("run", "--workload", "cpu", "--executor", "single", "--export",
        pdf.toString());

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).startsWith("concbench run: invalid value for --export: '" + pdf + "' (expected "
        + "FORMAT=FILE").doesNotContain("option option");
    assertThat(Files.exists(pdf)).isFalse();
  }
}
