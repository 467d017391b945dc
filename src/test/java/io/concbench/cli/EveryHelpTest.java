package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's --help, in a JVM of its own as users start it: exit 0, help on stdout and nothing on
 * stderr. picocli writes its "[picocli WARN] Could not format ..." to the JVM's own stderr, which an
 * in-process run cannot be sure to catch (issue 19: compare --help printed it three times).
 */
class EveryHelpTest {

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "run", "matrix", "compare", "ab", "report", "system", "member", "list", "completion"})
  void writesHelpAndNothingOnStderr(String command) throws Exception {
    List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "io.concbench.Main"));
    if (!command.isEmpty()) {
      args.add(command);
    }
    args.add("--help");
    Process process = new ProcessBuilder(args).start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).isZero();
    assertThat(err).isEmpty();
    assertThat(out).startsWith("Usage: concbench").doesNotContain("%%", "%n", "${");
  }
}
