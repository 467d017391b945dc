package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.concbench.executor.Guard;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.report.ReportFormats;
import io.concbench.workload.WorkloadRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The completion script, run by bash as a user's TAB would: after each option that has a fixed set of
 * values, exactly that option's values (issue 19: --workload offered the executors, as both options were
 * labelled NAME and picocli names its lists after the label). Skipped where bash is not at /bin/bash.
 */
class CompletionScriptTest {

  @TempDir Path dir;

  static Stream<Arguments> optionsWithValues() {
    List<String> workloads = WorkloadRegistry.names();
    List<String> executors = ExecutorRegistry.names();
    List<String> guards = Arrays.stream(Guard.values()).map(Guard::label).toList();
    List<String> baselines = new ArrayList<>(executors);
    baselines.add("none");
    List<Arguments> cases = new ArrayList<>();
    for (String command : List.of("run", "matrix")) {
      cases.add(Arguments.of(command, "--workload", workloads));
      cases.add(Arguments.of(command, "--executor", executors));
      cases.add(Arguments.of(command, "--guard", guards));
      cases.add(Arguments.of(command, "--baseline", baselines));
      cases.add(Arguments.of(command, "--capacity", List.of("auto", "off")));
      cases.add(Arguments.of(command, "--format", List.of("table", "json")));
    }
    cases.add(Arguments.of("compare", "--format", List.of("table", "markdown", "json", "junit")));
    cases.add(Arguments.of("compare", "--fail-on", List.of("regression", "never")));
    cases.add(Arguments.of("report", "--format", ReportFormats.names()));
    cases.add(Arguments.of("system", "--capacity", List.of("auto", "off")));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("optionsWithValues")
  void eachOptionCompletesToItsOwnValues(String command, String option, List<String> values) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")));
    Path script = dir.resolve("concbench.bash");
    Files.writeString(script, CommandRunner.run("completion").out());
    String line = "concbench " + command + " " + option + " ";
    String driver = ". '" + script + "'\n"
        + "COMP_WORDS=(concbench " + command + " " + option + " '')\n"
        + "COMP_CWORD=3\n"
        + "COMP_LINE='" + line + "'\n"
        + "_complete_concbench\n"
        + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";

    Process bash = new ProcessBuilder("/bin/bash", "-c", driver).redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
    bash.getOutputStream().close();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();

    assertThat(out.lines().toList()).containsExactlyElementsOf(values);
  }
}
