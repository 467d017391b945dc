package io.concbench.scripts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
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
    ScriptRun result = launch(Map.of(variable, value), "list");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err().lines().toList()).hasSize(1);
    assertThat(result.err()).startsWith("concbench: " + expected);
    assertThat(result.out()).isEmpty();
  }

  /**
   * scripts/lib/java.sh gives --sun-misc-unsafe-memory-access=allow to a JDK 23 or later only (JDK 17 refuses
   * it and would not start), reading the release file of the java's home through a link, and nothing to a java
   * whose version it cannot read.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "'JAVA_VERSION=\"25\"',      --sun-misc-unsafe-memory-access=allow",
      "'JAVA_VERSION=\"23.0.1\"',  --sun-misc-unsafe-memory-access=allow",
      "'JAVA_VERSION=\"17.0.15\"', ''",
      "'JAVA_VERSION=\"1.8.0_392\"', ''",
      "'IMPLEMENTOR=\"nobody\"',   ''",
  })
  void theUnsafeAccessOptionGoesOnlyToAJdkKnownToTakeIt(String releaseLine, String expected,
      @TempDir Path dir) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("jdk/bin"));
    Path binary = Files.writeString(bin.resolve("java"), "#!/bin/sh\n");
    binary.toFile().setExecutable(true);
    Files.writeString(dir.resolve("jdk/release"), releaseLine + "\n");
    Path link = Files.createSymbolicLink(dir.resolve("java"), binary);

    Process process = new ProcessBuilder("/bin/bash", "-c", ". scripts/lib/java.sh && java_version_options \"$1\"",
        "test", link.toString()).start();
    process.getOutputStream().close();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip())
        .isEqualTo(expected);
  }

  /**
   * The measuring JVM starts with the workers' heap, -Xms16m -Xmx1g, before the user's CONCBENCH_JAVA_OPTS (a
   * later -Xms or -Xmx wins). Run from a copy of the launcher beside a jar that needs no build, with a java that prints
   * its arguments.
   */
  @ParameterizedTest(name = "CONCBENCH_JAVA_OPTS={0}")
  @CsvSource({
      "'',                  -Xms16m -Xmx1g -jar",
      "-Xmx8g,              -Xms16m -Xmx1g -Xmx8g -jar",
  })
  void theMeasuringJvmGetsTheWorkersHeapBeforeTheUsersOptions(String userOptions, String expected,
      @TempDir Path dir) throws Exception {
    Path scripts = Files.createDirectories(dir.resolve("scripts/lib"));
    Files.copy(LAUNCHER, scripts.getParent().resolve("concbench"));
    Files.copy(Path.of("scripts", "lib", "java.sh"), scripts.resolve("java.sh"));
    Files.writeString(dir.resolve("pom.xml"), "");
    Files.createDirectories(dir.resolve("target/lib"));
    Path jar = Files.writeString(dir.resolve("target/concbench.jar"), "");
    jar.toFile().setLastModified(System.currentTimeMillis() + 60_000); // newer than pom.xml: no build
    Path java = Files.writeString(dir.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
    java.toFile().setExecutable(true);

    ScriptRun result = launch(scripts.getParent().resolve("concbench"),
        Map.of("JAVA", java.toString(), "CONCBENCH_JAVA_OPTS", userOptions), "list");

    assertThat(result.status()).isZero();
    assertThat(result.out().strip()).isEqualTo(expected + " " + jar + " list");
  }

  private static ScriptRun launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return launch(LAUNCHER, env, args);
  }

  private static ScriptRun launch(Path launcher, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("JAVA");
    builder.environment().putAll(env);
    return ScriptRun.of(builder, 30);
  }
}
