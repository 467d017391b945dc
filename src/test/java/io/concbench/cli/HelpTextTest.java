package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.cli.CommandRunner.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How help and completion show the options. */
class HelpTextTest {

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
