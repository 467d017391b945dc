package io.concbench.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/concbench with a java that is not there: one line naming the variable and what would work, exit 2,
 * instead of the shell's "No such file or directory" and exit 127. Checked before any build, so it is quick.
 */
class LauncherTest {

  private static final Path LAUNCHER = Path.of("scripts", "concbench").toAbsolutePath();

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource({
      "JAVA_HOME, /nope,           JAVA_HOME=/nope has no bin/java",
      "JAVA,      /nope/java,      JAVA=/nope/java is not a java binary",
      "JAVA,      /tmp,            JAVA=/tmp is not a java binary",
  })
  void aMissingJavaIsOneLineAndExitTwo(String variable, String value, String expected) throws Exception {
    Result result = launch(Map.of(variable, value), "list");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err().lines().toList()).hasSize(1);
    assertThat(result.err()).startsWith("concbench: " + expected);
    assertThat(result.out()).isEmpty();
  }

  private record Result(int status, String out, String err) {}

  private static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", LAUNCHER.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA");
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the launcher did not end in 30 s");
    }
    return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }
}
