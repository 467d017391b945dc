package io.concbench.cli;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --cluster and --cluster-name misused, and concbench member's bad values: one line, exit 2, nothing run. */
class RemoteClusterOptionsTest {

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--executor process-pool --cluster 127.0.0.1:1 --cluster-name x | concbench run: invalid value for --cluster: '127.0.0.1:1' (only the cluster executor runs on members: add --executor cluster)",
      "--executor single --cluster-name x                              | concbench run: invalid value for --cluster-name: 'x' (only the cluster executor runs on members: add --executor cluster)",
      "--executor cluster --cluster 127.0.0.1:1                        | concbench run: invalid value for --cluster: '127.0.0.1:1' (--cluster needs --cluster-name, the name its members were started with)",
      "--executor cluster --cluster-name x                             | concbench run: invalid value for --cluster-name: 'x' (it names the members of --cluster HOST:PORT,...; without --cluster, cluster starts members of its own)",
      "--executor cluster --cluster h:1,h:1 --cluster-name x           | concbench run: invalid value for --cluster: 'h:1,h:1' (h:1 is listed twice)",
      "--executor cluster --cluster h:1,h:2 --cluster-name x --workers 3 | concbench run: invalid value for --workers: '3' (a run on --cluster uses each of its 2 members once: leave --workers out or pass --workers 2)",
      "--executor cluster --cluster h:1 --cluster-name x --jvm-arg=-Xmx1g | concbench run: invalid value for --jvm-arg: '-Xmx1g' (the members of --cluster run on the JVM 'concbench member' started them with)",
      "--executor cluster --cluster h:1 --cluster-name x --task-timeout 2s | concbench run: invalid value for --task-timeout: '2000ms' (not yet on the members of --cluster: only local members report when a task starts)",
      "--executor cluster --cluster h --cluster-name x                 | invalid value for --cluster: 'h' (expected HOST:PORT, e.g. 10.0.0.5:5701)",
      "--executor cluster --cluster h:0 --cluster-name x               | invalid value for --cluster: 'h:0' (the port must be from 1 to 65535)",
      "--executor cluster --cluster h:ab --cluster-name x              | invalid value for --cluster: 'h:ab' (the port is not a number)",
  })
  void runRefusesInOneLine(String extra, String expected) {
    CommandRunner.assertRefusedInOneLine(dir, List.of("run", "--workload", "cpu", "--tasks", "4"), extra, expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "--bind 127.0.0.1 --port 0 --cluster-name x       | concbench member: invalid value for --port: '0' (must be between 1 and 65535)",
      "--bind 127.0.0.1 --port 5701 --cluster-name a/b   | concbench member: invalid value for --cluster-name: 'a/b'",
      "--bind 127.0.0.1 --port 5701 --cluster-name x --threads 0 | concbench member: invalid value for --threads: '0'",
      "--bind 0.0.0.0 --port 5701 --cluster-name x      | concbench member: invalid value for --bind: '0.0.0.0' (not an address of this machine: give the one address that the other machines reach (the member listens on it alone))",
      "--bind 198.51.100.7 --port 5701 --cluster-name x | concbench member: invalid value for --bind: '198.51.100.7' (not an address of this machine",
      "--bind 127.0.0.1 --port 5701                     | concbench member: Missing required option: '--cluster-name=NAME'",
  })
  void memberRefusesInOneLine(String extra, String expected) {
    CommandRunner.Outcome outcome = CommandRunner.run(("member " + extra.trim()).split(" "));

    org.assertj.core.api.Assertions.assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    org.assertj.core.api.Assertions.assertThat(outcome.err().lines().toList()).hasSize(1);
    org.assertj.core.api.Assertions.assertThat(outcome.err()).contains(expected.trim());
    org.assertj.core.api.Assertions.assertThat(outcome.out()).isEmpty();
  }
}
