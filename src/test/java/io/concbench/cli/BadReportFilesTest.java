package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.result.ReportReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Report files no run could have written (src/test/resources/io/concbench/result/bad-reports, made by the
 * make_bad_reports.py beside them from the saved reports): truncated, not JSON, wrong types, impossible
 * figures, nesting and numbers beyond any report, and files too large. {@code report} and {@code compare}
 * (the bad file on either side) refuse each with exit 2 and one line naming the file and, where the JSON
 * could be read, the result and the field: never 0 (judged or drawn) or 1 (an internal error).
 */
class BadReportFilesTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      01-empty.json                      | empty file
      02-truncated.json                  | not valid JSON (Unexpected end-of-input
      03-not-json.json                   | not valid JSON (Unrecognized token 'results'
      04-array-root.json                 | not a concbench report (no "schema" field)
      05-two-reports.json                | not valid JSON (Trailing token
      06-duplicate-field.json            | not valid JSON (Duplicate field 'runs', line 71)
      07-nan-token.json                  | not valid JSON (Non-standard token 'NaN'
      08-workers-as-text.json            | result 1 (cpu on single), workers: "2" string found, integer expected
      09-samples-as-text.json            | result 1 (cpu on single), wall_ms.samples[0]: "5.000959" string found
      10-missing-wall.json               | result 2 (cpu on thread-pool): required property 'wall_ms' not found
      11-results-not-an-array.json       | results: object found, array expected
      12-negative-wall.json              | result 1 (cpu on single), wall_ms.samples[1]: -5.140064 must have an exclusive minimum value of 0
      13-zero-wall.json                  | result 2 (cpu on thread-pool), wall_ms.samples[0]: 0.0 must have an exclusive minimum value of 0
      14-infinite-wall.json              | result 1 (cpu on single), wall_ms.max: Infinity is out of range (not a finite number)
      15-fewer-samples-than-runs.json    | result 1 (cpu on single), wall_ms: 3 samples for 4 runs
      16-summary-not-of-its-samples.json | result 2 (cpu on thread-pool), wall_ms: min 0.001 is not the least of its samples
      17-negative-cpu.json               | result 1 (cpu on single), cpu_ms.samples[2]: -10.0 must have a minimum value of 0
      18-negative-latency.json           | result 2 (cpu on thread-pool), latency_us.p99_per_run[0]: -648.703 must have a minimum value of 0
      19-p99-per-run-count.json          | result 2 (cpu on thread-pool), latency_us.p99_per_run: 1 value(s) for 3 runs
      20-negative-speedup.json           | result 2 (cpu on thread-pool), speedup: -1.9 must have a minimum value of 0
      21-deep-arrays.json                | not a concbench report (Document nesting depth (33) exceeds the maximum allowed (32))
      22-deep-objects.json               | not a concbench report (Document nesting depth (33) exceeds the maximum allowed (32))
      23-long-number.json                | not a concbench report (Number value length (2001) exceeds the maximum allowed (64))
      24-integer-beyond-64-bits.json     | result 1 (cpu on single), failed_tasks: 99999999999999999999999 is out of range (beyond a 64-bit integer)
      25-infinite-throughput.json        | result 1 (cpu on single), throughput_per_s: Infinity is out of range
      26-zero-runs.json                  | result 1 (cpu on single), runs: 0 must have a minimum value of 1
      27-scaling-zero-wall.json          | scaling curve 1 (cpu on thread-pool), points[0].wall_ms: 0 must have an exclusive minimum value of 0
      28-workers-beyond-int.json         | result 1 (cpu on single), workers: 3000000000 must have a maximum value of 2147483647
      """)
  void aFileNoRunCouldHaveWrittenIsRefusedInOneLine(String name, String problem) throws Exception {
    assertRefused(fixture(name), problem);
  }

  @Test
  void aFileLargerThanAnyReportIsRefusedBeforeItIsRead() throws IOException {
    Path huge = dir.resolve("huge.json");
    byte[] spaces = new byte[1 << 20];
    java.util.Arrays.fill(spaces, (byte) ' ');
    try (OutputStream out = Files.newOutputStream(huge)) {
      out.write("{\"schema\": \"concbench/1\",".getBytes(StandardCharsets.UTF_8));
      for (long written = 0; written <= ReportReader.MAX_BYTES; written += spaces.length) {
        out.write(spaces);
      }
      out.write("}".getBytes(StandardCharsets.UTF_8));
    }

    assertRefused(huge, "too large to be a concbench report (65 MiB; at most 64 MiB are read)");
  }

  @Test
  void aStringLongerThanAnyReportHoldsIsRefused() throws IOException {
    Path longString = dir.resolve("long-string.json");
    Files.writeString(longString, Files.readString(fixture("12-negative-wall.json"))
        .replace("\"first_failure\": null", "\"first_failure\": \"" + "x".repeat(5 << 20) + "\""));

    assertRefused(longString, "not a concbench report (String value length (");
  }

  private static void assertRefused(Path bad, String problem) {
    Path good = savedReport();
    for (List<String> args : List.of(List.of("report", bad.toString()),
        List.of("report", good.toString(), bad.toString(), "--format", "markdown"),
        List.of("compare", good.toString(), bad.toString()),
        List.of("compare", bad.toString(), good.toString()))) {
      Outcome outcome = CommandRunner.run(args.toArray(String[]::new));

      assertThat(outcome.status()).as(String.join(" ", args) + "\n" + outcome.err()).isEqualTo(ExitCodes.USAGE);
      assertThat(outcome.err().lines().toList()).as(String.join(" ", args)).hasSize(1);
      assertThat(outcome.err()).as(String.join(" ", args)).contains(bad + ": ").contains(problem)
          .doesNotContain("Exception").doesNotContain("\tat ");
      assertThat(outcome.out()).as(String.join(" ", args)).isEmpty();
    }
  }

  private static Path fixture(String name) {
    return resource("/io/concbench/result/bad-reports/" + name);
  }

  private static Path savedReport() {
    return resource("/io/concbench/result/reports/run-inprocess.json");
  }

  private static Path resource(String name) {
    try {
      return Path.of(BadReportFilesTest.class.getResource(name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("missing test resource " + name, e);
    }
  }
}
