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
 * What each mixin of run and matrix checks on its own, and what {@link Plans} checks across them: exactly one
 * line naming the option and the value, exit 2, nothing on stdout, no file written.
 */
class OptionMixinsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // selection
      "--executor single                        | missing required option --workload (see 'concbench list')",
      "--workload cpu                           | missing required option --executor (see 'concbench list')",
      "--workload cpu --executor single --workers 0     | invalid value for --workers: '0' (must be between 1 and 4096)",
      "--workload cpu --executor single --tasks 0       | invalid value for --tasks: '0' (must be between 1 and 10000000)",
      "--workload cpu --executor single --param n=abc   | invalid value for --param n: 'abc' (expected a whole number)",
      "--workload cpu --executor single --param sleep-ms=1 | invalid value for --param: unknown parameter 'sleep-ms' for workload cpu (it takes: n)",
      // measurement
      "--workload cpu --executor single --warmup 1001   | invalid value for --warmup: '1001' (must be between 0 and 1000)",
      "--workload cpu --executor single --runs 0        | invalid value for --runs: '0' (must be between 1 and 10000)",
      "--workload cpu --executor gil --switch-interval-ms 20000 | invalid value for --switch-interval-ms: '20000.0' (must be from 0.001 to 10000)",
      // output
      "--workload cpu --executor single --export csv=/nonexistent-dir/x.csv | invalid value for --export: 'csv=/nonexistent-dir/x.csv' (directory /nonexistent-dir does not exist)",
      // process executors
      "--workload cpu --executor process-pool --chunksize 0            | invalid value for --chunksize: '0' (must be between 1 and 1048576)",
      "--workload cpu --executor process-pool --payload-bytes 20000000 | invalid value for --payload-bytes: '20000000' (must be between 0 and 16777216)",
      "--workload cpu --executor process-pool --max-tasks-per-child 0  | invalid value for --max-tasks-per-child: '0' (must be between 1 and 2147483647)",
      "--workload cpu --executor fork --retries 101                    | invalid value for --retries: '101' (must be between 0 and 100)",
      // across mixins
      "--workload counter --executor fork       | invalid value for --executor: 'fork' (the counter workload shares one counter between threads; fork runs tasks in separate JVMs)",
      "--workload io --executor thread-per-task --tasks 20000 | invalid value for --tasks: '20000' (thread-per-task starts one thread per task: at most 10000; use thread-pool for more)",
      "--workload cpu --executor fork --workers 300 | invalid value for --workers: '300' (must be between 1 and 256)",
      "--workload cpu --executor process-pool --payload-bytes 100000 --chunksize 1000 | invalid value for --payload-bytes: '100000' (a chunk of 1000 tasks would exceed the 67108864-byte frame cap; lower --chunksize)",
      "--workload cpu --executor process-pool --payload-bytes 1000000 --tasks 10000 --workers 1 | invalid value for --payload-bytes: '1000000' (a chunk of 2500 tasks would exceed the 67108864-byte frame cap; lower --chunksize)",
  })
  void runAndMatrixRefuseInOneLine(String options, String expected) {
    for (String command : List.of("run", "matrix")) {
      Outcome outcome = run(command, options);

      assertThat(outcome.status()).as(command).isEqualTo(ExitCodes.USAGE);
      assertThat(outcome.err()).as(command).isEqualTo("concbench " + command + ": " + expected.trim() + "\n");
      assertThat(outcome.out()).isEmpty();
      assertThat(Files.exists(dir.resolve("never.json"))).isFalse();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--workload cpu --executor process-pool --workers 2,3 --chunksize 1,2 | invalid value for --workers: '2,3' (run takes one value; sweep a list with 'concbench matrix')",
      "--workload cpu --executor process-pool --chunksize 1,2 | invalid value for --chunksize: '1,2' (run takes one value; sweep a list with 'concbench matrix')",
      "--workload cpu --executor single --param m=1,2 | invalid value for --param m: '1,2' (run takes one value; sweep a list with 'concbench matrix')",
      "--workload cpu --executor single --retries 3 --retries 4 | option '--retries' (N) should be specified only once (see 'concbench run --help')",
  })
  void runTakesOneValue(String options, String expected) {
    Outcome outcome = run("run", options);

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).isEqualTo("concbench run: " + expected.trim() + "\n");
    assertThat(Files.exists(dir.resolve("never.json"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--workload cpu --executor thread-pool --workers 1,2 --baseline thread-pool | invalid value for --baseline: 'thread-pool' (matrix sweeps its --workers; a baseline is measured once: use single or none)",
      "--workload cpu --executor process-pool --workers 2 --chunksize 1,2 --baseline process-pool | invalid value for --baseline: 'process-pool' (matrix sweeps its --chunksize; a baseline is measured once: use single or none)",
  })
  void matrixMeasuresABaselineOnce(String options, String expected) {
    Outcome outcome = run("matrix", options);

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).isEqualTo("concbench matrix: " + expected.trim() + "\n");
    assertThat(Files.exists(dir.resolve("never.json"))).isFalse();
  }

  private Outcome run(String command, String options) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(options.trim().split(" +")));
    args.addAll(List.of("--output", dir.resolve("never.json").toString()));
    return CommandRunner.run(args.toArray(String[]::new));
  }
}
