package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.executor.Guard;
import io.concbench.workload.WorkloadRegistry;
import org.junit.jupiter.api.Test;

class InfoCommandsTest {

  @Test
  void listShowsEveryRegistryEntryWithParametersAndUnavailability() {
    Outcome outcome = CommandRunner.run("list");

    assertThat(outcome.status()).isZero();
    WorkloadRegistry.names().forEach(name -> assertThat(outcome.out()).contains("  " + name + " "));
    ExecutorRegistry.names().forEach(name -> assertThat(outcome.out()).contains("  " + name + " "));
    for (Guard guard : Guard.values()) {
      assertThat(outcome.out()).contains("  " + guard.label() + " ");
    }
    assertThat(outcome.out()).contains("n=150000000", "sleep-ms=100 ms", "increments=100000", "concbench matrix");
    if (Runtime.version().feature() < 21) {
      assertThat(outcome.out()).containsPattern("virtual +unavailable: needs JDK 21\\+, running "
          + java.util.regex.Pattern.quote(System.getProperty("java.version")));
    }
  }

  @Test
  void systemShowsEveryFigureOrSaysItIsUnknown() {
    Outcome outcome = CommandRunner.run("system", "--sample-ms", "50", "--capacity", "off");

    assertThat(outcome.status()).isZero();
    for (String figure : new String[] {"processors", "CPU quota", "load average", "steal", "busy processes",
        "background", "frequency", "SMT", "JDK"}) {
      assertThat(outcome.out()).containsPattern("(?m)^" + figure + " +\\S");
    }
    assertThat(outcome.out()).doesNotContain("capacity        k=");
  }

  @Test
  void systemRejectsABadSamplingTimeNamingIt() {
    Outcome outcome = CommandRunner.run("system", "--sample-ms", "5");

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err().strip()).isEqualTo(
        "concbench system: invalid value for --sample-ms: '5' (must be from 10 to 60000)");
  }

  @Test
  void completionOffersTheRegistryNames() {
    Outcome outcome = CommandRunner.run("completion");

    assertThat(outcome.status()).isZero();
    assertThat(outcome.out()).contains("complete -F", "--workload", "thread-pool", "counter", "synchronized",
        "compare", "matrix");
    assertThat(outcome.out()).containsPattern("function _picocli_concbench_matrix\\(\\)");
  }

  @Test
  void versionNamesToolAndJava() {
    Outcome outcome = CommandRunner.run("--version");

    assertThat(outcome.status()).isZero();
    assertThat(outcome.out()).startsWith("concbench ").contains("Java " + System.getProperty("java.version"));
  }

  @Test
  void theDirectVersionAndListAnswersMatchPicoclisOwn() {
    // `--version` and `list` are answered without building the command model: the text must be the same.
    assertThat(CommandRunner.run("--version").out()).isEqualTo(CommandRunner.run("--debug", "--version").out());
    assertThat(CommandRunner.run("-V").out()).isEqualTo(CommandRunner.run("--version").out());
    assertThat(CommandRunner.run("list").out()).isEqualTo(CommandRunner.run("--debug", "list").out());
    assertThat(CommandRunner.run("list", "--help").out()).contains("Usage: concbench list");
  }

  @Test
  void noCommandIsAUsageError() {
    Outcome outcome = CommandRunner.run();

    assertThat(outcome.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(outcome.err()).contains("missing command");
  }
}
