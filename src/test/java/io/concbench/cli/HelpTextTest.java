package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How help and completion show the options: the process executors' own section, the typed values. */
class HelpTextTest {

  private static final String HEADING = "Process executors (fork, process-pool):";
  private static final List<String> PROCESS_OPTIONS = List.of("--chunksize=", "--payload-bytes=",
      "--max-tasks-per-child=", "--retries=", "--task-timeout=", "--java=", "--jvm-arg=");

  @ParameterizedTest
  @ValueSource(strings = {"run", "matrix"})
  void theProcessOptionsHaveASectionOfTheirOwnAfterTheOthers(String command) {
    Outcome outcome = CommandRunner.run(command, "--help");

    assertThat(outcome.status()).isZero();
    String help = outcome.out();
    String options = help.substring(0, help.indexOf(HEADING));
    String section = help.substring(help.indexOf(HEADING), help.indexOf("Exit status:"));
    for (String option : PROCESS_OPTIONS) {
      assertThat(section).contains("      " + option);
      assertThat(options).doesNotContainPattern("(?m)^ +" + option);
    }
    assertThat(options).contains("      --workload=", "      --capacity=", "      --quiet", "  -h, --help",
        "      --debug");
    assertThat(section).doesNotContain("--workload=", "--quiet", "--help");
    // Same column for the description in both sections.
    assertThat(options).contains("      --format=table|json    What goes to stdout.");
    assertThat(section).contains("      --retries=N            fork, process-pool, cluster: tries again");
  }

  @Test
  void thresholdsHelpShowsItsPercentSignsAndPicocliWarnsOfNothing() {
    PrintStream saved = System.err;
    ByteArrayOutputStream picocliWarnings = new ByteArrayOutputStream();
    Outcome outcome;
    System.setErr(new PrintStream(picocliWarnings, true, StandardCharsets.UTF_8));
    try {
      outcome = CommandRunner.run("compare", "--help");
    } finally {
      System.setErr(saved);
    }

    assertThat(outcome.out()).containsPattern("e\\.g\\. 5% or 5\\. Default:\\s+5%\\.\\n").doesNotContain("%%");
    assertThat(picocliWarnings.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void completionOffersTheValuesOfEveryFixedChoice() {
    Outcome outcome = CommandRunner.run("completion");

    assertThat(outcome.out()).contains("(\"auto\" \"off\") # --capacity values",
        "(\"table\" \"json\") # --format values", "(\"regression\" \"never\") # --fail-on values",
        "(\"table\" \"markdown\" \"json\" \"junit\") # --format values");
  }
}
