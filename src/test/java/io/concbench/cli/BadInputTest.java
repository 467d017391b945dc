package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import java.nio.file.Path;
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
    CommandRunner.assertRefusedInOneLine(dir, List.of("run", "--workload", "cpu", "--executor", "single"), extra,
        expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "run --executor single                                   | missing required option --workload",
      "run --workload cpu                                      | missing required option --executor",
      "run --workload io --executor thread-per-task --tasks 20000 | at most 10000",
      "run --workload cpu --executor single --output /nonexistent-dir/x.json | invalid value for --output: '/nonexistent-dir/x.json' (directory /nonexistent-dir does not exist)",
      "bogus                                                   | concbench: unknown command 'bogus' (expected one of: run, matrix, advise, compare, ab, report, system, member, list, completion)",
      "rn --workload cpu --executor single                     | concbench: unknown command 'rn' (did you mean 'run'?)",
      "run --workload tiny --executor thread-per-task          | concbench run: thread-per-task starts one thread per task, at most 10000, and tiny runs 100000 tasks by default: pass --tasks 10000 or fewer, or use thread-pool",
      "run --workload cpu --executor thread-pool --guard atomic | concbench run: invalid value for --guard: 'atomic' (no case uses the shared counter: --guard applies to the counter workload and the lock executor)",
      "matrix --workload cpu,io --executor single,thread-pool --guard none,adder | invalid value for --guard: 'none,adder' (no case uses the shared counter",
      "run --workload cpu --executor thread-pool --workers 8 --tasks 4 | concbench run: invalid value for --workers: '8' (cpu runs 4 tasks, which leave 4 of 8 thread-pool workers nothing to do, and efficiency would count them against it; pass --workers 4 or fewer, or --tasks 8 or more)",
      "run --workload cpu --executor single,gil --workers 32   | concbench run: invalid value for --workers: '32' (cpu runs 16 tasks by default, which leave 16 of 32 gil workers nothing to do",
      "matrix --workload cpu --executor thread-pool --workers 1,2,32 | concbench matrix: invalid value for --workers: '32' (cpu runs 16 tasks by default",
      "run --workload cpu --executor thread-pool --workers 2 --tasks 1 | concbench run: invalid value for --workers: '2' (cpu runs 1 task, which leaves 1 of 2 thread-pool workers nothing to do",
      "run --workload counter --executor process-pool          | invalid value for --executor: 'process-pool' (the counter workload shares one counter",
      "run --workload cpu --executor cluster --max-tasks-per-child 3 | invalid value for --max-tasks-per-child: '3' (cluster does not support it",
      "run --workload cpu --executor cluster --payload-bytes 8 | invalid value for --payload-bytes: '8' (cluster does not support it",
      "run --workload counter --executor cluster               | invalid value for --executor: 'cluster' (the counter workload shares one counter",
      "run --workload cpu --executor fork --jvm-arg=Xmx64m     | invalid value for --jvm-arg: 'Xmx64m'",
      "run --workload cpu --executor fork --jvm-arg=-jar       | invalid value for --jvm-arg: '-jar'",
  })
  void commandLevelMistakes(String line, String expected) {
    Outcome outcome = CommandRunner.run(line.trim().split(" +"));

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().lines().toList()).hasSize(1);
    assertThat(outcome.err()).contains(expected.trim());
  }

  /** --tasks typed, --workers the processors' default: the line says where the workers came from. */
  @org.junit.jupiter.api.Test
  void fewerTasksThanTheDefaultWorkersNamesTheDefault() {
    int processors = Runtime.getRuntime().availableProcessors();
    org.junit.jupiter.api.Assumptions.assumeTrue(processors >= 2);

    Outcome outcome = CommandRunner.run("run", "--workload", "cpu", "--executor", "thread-pool", "--tasks", "1");

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().strip()).isEqualTo("concbench run: invalid value for --tasks: '1' (thread-pool has "
        + processors + " workers, --workers's default (the processors), and 1 task leaves " + (processors - 1)
        + " of them nothing to do, which efficiency would count against it; pass --tasks " + processors
        + " or more, or --workers 1)");
  }

  @org.junit.jupiter.api.Test
  void aGuardIsTakenWhereACaseUsesTheCounter() {
    Outcome outcome = CommandRunner.run("run", "--workload", "cpu", "--executor", "lock", "--guard", "atomic",
        "--param", "n=1000", "--workers", "2", "--tasks", "2", "--runs", "1", "--warmup", "0", "--capacity", "off");

    assertThat(outcome.status()).isEqualTo(ExitCodes.OK);
    assertThat(outcome.out()).contains("atomic");
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
