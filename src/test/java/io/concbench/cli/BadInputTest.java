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

/** Bad input: exit 2, exactly one line naming the option and value, nothing run, no file written. */
class BadInputTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--workload cpux                      | invalid value for --workload: 'cpux' (did you mean 'cpu'?)",
      "--workload nothing-like-it           | invalid value for --workload: 'nothing-like-it' (expected one of: cpu, io, mixed, tiny, counter, command)",
      "--executor thread-poll               | invalid value for --executor: 'thread-poll' (did you mean 'thread-pool'?)",
      "--guard atomc                        | invalid value for --guard: 'atomc' (did you mean 'atomic'?)",
      "--format yaml                        | invalid value for --format: 'yaml'",
      "--baseline singel                    | invalid value for --baseline: 'singel' (did you mean 'single'?)",
      "--param m=3                          | unknown parameter 'm' for workload cpu (it takes: n)",
      "--param n=abc                        | invalid value for --param n: 'abc' (expected a whole number)",
      "--param n=0                          | invalid value for --param n: '0' (must be between 1 and 1000000000000)",
      "--param n                            | --param",
      "--workers abc                        | Invalid value for option '--workers' (N): 'abc' is not an int",
      "--workers 0                          | invalid value for --workers: '0' (must be between 1 and 4096)",
      "--workers -3                         | invalid value for --workers: '-3'",
      "--workers 100000                     | invalid value for --workers: '100000'",
      "--tasks 0                            | invalid value for --tasks: '0'",
      "--tasks 99999999999                  | --tasks",
      "--runs 0                             | invalid value for --runs: '0'",
      "--warmup -1                          | invalid value for --warmup: '-1'",
      "--switch-interval-ms 0               | invalid value for --switch-interval-ms: '0.0'",
      "--switch-interval-ms abc             | --switch-interval-ms",
      "--switch-interval-ms 1e-9            | invalid value for --switch-interval-ms: '1.0E-9' (must be from 0.001 to 10000)",
      "--executr single                     | Unknown options: '--executr', 'single' (did you mean --executor or --export?)",
  })
  void isOneLineAndExitTwo(String extra, String expected) {
    List<String> args = new ArrayList<>(List.of("run", "--workload", "cpu", "--executor", "single"));
    Path output = dir.resolve("never.json");
    args.addAll(List.of(extra.trim().split(" ")));
    args.addAll(List.of("--output", output.toString()));

    Outcome outcome = CommandRunner.run(args.toArray(String[]::new));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).contains(expected.trim()).doesNotContain("Exception", "\tat ");
    assertThat(outcome.out()).isEmpty();
    assertThat(Files.exists(output)).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "run --executor single                                   | missing required option --workload",
      "run --workload cpu                                      | missing required option --executor",
      "run --workload io --executor thread-per-task --tasks 20000 | at most 10000",
      "run --workload cpu --executor single --output /nonexistent-dir/x.json | invalid value for --output: '/nonexistent-dir/x.json' (directory /nonexistent-dir does not exist)",
      "bogus                                                   | concbench: unknown command 'bogus' (expected one of: run, matrix, compare, report, system, list, completion)",
      "rn --workload cpu --executor single                     | concbench: unknown command 'rn' (did you mean 'run'?)",
      "run --workload tiny --executor thread-per-task          | concbench run: thread-per-task starts one thread per task, at most 10000, and tiny runs 100000 tasks by default: pass --tasks 10000 or fewer, or use thread-pool",
      "run --workload counter --executor process-pool          | invalid value for --executor: 'process-pool' (the counter workload shares one counter",
      "run --workload cpu --executor fork --jvm-arg=Xmx64m     | invalid value for --jvm-arg: 'Xmx64m'",
      "run --workload cpu --executor fork --jvm-arg=-jar       | invalid value for --jvm-arg: '-jar'",
  })
  void commandLevelMistakes(String line, String expected) {
    Outcome outcome = CommandRunner.run(line.trim().split(" +"));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).contains(expected.trim());
  }

  @org.junit.jupiter.api.Test
  void virtualIsRefusedWithItsReasonOnOldJdks() {
    org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 21);

    Outcome outcome = CommandRunner.run("run", "--workload", "io", "--executor", "virtual");

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().strip()).isEqualTo("concbench run: invalid value for --executor: 'virtual' is "
        + "unavailable: needs JDK 21+, running " + System.getProperty("java.version"));
  }
}
