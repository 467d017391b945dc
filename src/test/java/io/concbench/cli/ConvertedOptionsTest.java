package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A value refused by its converter while parsing reads as a value refused after it: exactly one line
 * "concbench CMD: invalid value for --X: 'V' (...)", exit 2, no pointer to --help, nothing written.
 */
class ConvertedOptionsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--format jsn              | invalid value for --format: 'jsn' (did you mean 'json'?)",
      "--format yaml             | invalid value for --format: 'yaml' (expected one of: table, json)",
      "--capacity of             | invalid value for --capacity: 'of' (did you mean 'off'?)",
      "--capacity=               | invalid value for --capacity: '' (expected one of: auto, off)",
      "--task-timeout 5x         | invalid value for --task-timeout: '5x' (expected a duration such as 500ms, 30s or 2m)",
      "--task-timeout 0ms        | invalid value for --task-timeout: '0ms' (must be from 1ms to 24h)",
      "--baseline non            | invalid value for --baseline: 'non' (did you mean 'none'?)",
      "--workload cpu,,io        | invalid value for --workload: '' (expected one of: cpu, io, mixed, tiny, counter, command)",
      "--export pdf=x.pdf        | invalid value for --export: 'pdf' (expected one of: table, json, markdown, csv, html, junit, jmh, bmf, gab, gab-bigger)",
      "--executor single,thread-poll | invalid value for --executor: 'thread-poll' (did you mean 'thread-pool'?)",
      "--guard none,bogus-guard  | invalid value for --guard: 'bogus-guard' (expected one of: none, synchronized, reentrant, atomic, adder)",
      "--export jsn=x.json       | invalid value for --export: 'jsn' (did you mean 'json'?)",
      "--jvm-arg=-jar            | invalid value for --jvm-arg: '-jar' (must be a JVM option starting with '-', and not one that sets the class path, a jar or a module: concbench sets those)",
      "--java /nonexistent/java  | invalid value for --java: '/nonexistent/java' (not an executable file)",
  })
  void runAndMatrix(String extra, String expected) {
    for (String command : List.of("run", "matrix")) {
      Path output = dir.resolve("never.json");
      List<String> args = new ArrayList<>(List.of(command, "--workload", "cpu", "--executor", "single"));
      args.addAll(List.of(extra.trim().split(" ")));
      args.addAll(List.of("--output", output.toString()));

      Outcome outcome = CommandRunner.run(args.toArray(String[]::new));

      assertThat(outcome.status()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(outcome.err()).as(command).isEqualTo("concbench " + command + ": " + expected.trim() + "\n");
      assertThat(outcome.out()).isEmpty();
      assertThat(Files.exists(output)).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--threshold abc%         | invalid value for --threshold: 'abc%' (expected a percentage, e.g. 5%)",
      "--threshold 1000         | invalid value for --threshold: '1000' (must be from 0% to 1000%)",
      "--fail-on always         | invalid value for --fail-on: 'always' (expected one of: regression, never)",
      "--fail-on nver           | invalid value for --fail-on: 'nver' (did you mean 'never'?)",
      "--format markdwn         | invalid value for --format: 'markdwn' (did you mean 'markdown'?)",
  })
  void compare(String extra, String expected) {
    Path output = dir.resolve("never.txt");
    List<String> args = new ArrayList<>(List.of("compare", "base.json", "current.json", "--output",
        output.toString()));
    args.addAll(List.of(extra.trim().split(" ")));

    Outcome outcome = CommandRunner.run(args.toArray(String[]::new));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).isEqualTo("concbench compare: " + expected.trim() + "\n");
    assertThat(Files.exists(output)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "report x.json --format jsn    | concbench report: invalid value for --format: 'jsn' (did you mean 'json'?)",
      "system --capacity maybe       | concbench system: invalid value for --capacity: 'maybe' (expected one of: auto, off)",
  })
  void reportAndSystem(String line, String expected) {
    Outcome outcome = CommandRunner.run(line.trim().split(" +"));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).isEqualTo(expected.trim() + "\n");
    assertThat(outcome.out()).isEmpty();
  }
}
