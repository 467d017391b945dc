package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.executor.Guard;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.report.ReportFormats;
import io.concbench.workload.WorkloadRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each converter on its own: what it turns a value into, and the words of its refusal. */
class ConvertersTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({"500ms, 500000000", "30s, 30000000000", "2m, 120000000000", "1.5s, 1500000000", "' 2S ', 2000000000",
      "1ms, 1000000", "1440m, 86400000000000"})
  void durations(String text, long nanos) {
    assertThat(new Durations().convert(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "5x     | invalid value for --task-timeout: '5x' (expected a duration such as 500ms, 30s or 2m)",
      "30     | invalid value for --task-timeout: '30' (expected a duration such as 500ms, 30s or 2m)",
      "25h    | invalid value for --task-timeout: '25h' (expected a duration such as 500ms, 30s or 2m)",
      "0.5ms  | invalid value for --task-timeout: '0.5ms' (must be from 1ms to 24h)",
      "1441m  | invalid value for --task-timeout: '1441m' (must be from 1ms to 24h)",
  })
  void durationsRefused(String text, String line) {
    assertThatThrownBy(() -> new Durations().convert(text)).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--task-timeout")).isEqualTo(line));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"5%, 5", "5, 5", "' 7.5% ', 7.5", "0, 0", "999.9%, 999.9"})
  void percentages(String text, double percent) {
    assertThat(new Percentages().convert(text)).isEqualTo(percent);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "abc%  | invalid value for --threshold: 'abc%' (expected a percentage, e.g. 5%)",
      "%     | invalid value for --threshold: '%' (expected a percentage, e.g. 5%)",
      "-1    | invalid value for --threshold: '-1' (must be from 0% to 1000%)",
      "1000% | invalid value for --threshold: '1000%' (must be from 0% to 1000%)",
      "NaN   | invalid value for --threshold: 'NaN' (must be from 0% to 1000%)",
  })
  void percentagesRefused(String text, String line) {
    assertThatThrownBy(() -> new Percentages().convert(text)).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--threshold")).isEqualTo(line));
  }

  @Test
  void fixedChoicesAreTheirLowerCaseNamesOnly() {
    assertThat(new OutputFormat.Converter().convert("json")).isEqualTo(OutputFormat.JSON);
    assertThat(new CompareFormat.Converter().convert("junit")).isEqualTo(CompareFormat.JUNIT);
    assertThat(new FailOn.Converter().convert("never")).isEqualTo(FailOn.NEVER);
    assertThat(new CapacityProbing.Converter().convert("off")).isEqualTo(CapacityProbing.OFF);
    assertThatThrownBy(() -> new OutputFormat.Converter().convert("JSON")).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--format"))
            .isEqualTo("invalid value for --format: 'JSON' (expected one of: table, json)"));
    assertThatThrownBy(() -> new FailOn.Converter().convert("nver")).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--fail-on")).isEqualTo("invalid value for --fail-on: 'nver' (did you mean "
            + "'never'?)"));
  }

  @Test
  void reportFormatNamesBecomeTheRegistrysFormats() {
    assertThat(new Names.ToReportFormat().convert("csv")).isSameAs(ReportFormats.find("csv").orElseThrow());
    assertThatThrownBy(() -> new Names.ToReportFormat().convert("yaml")).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--export")).isEqualTo("invalid value for --export: 'yaml' (expected one of: "
            + "table, json, markdown, csv, html, junit, jmh, bmf, gab, gab-bigger)"));
  }

  @Test
  void registryNamesBecomeTheirEntries() {
    assertThat(new Names.ToWorkload().convert("cpu")).isSameAs(WorkloadRegistry.find("cpu").orElseThrow());
    assertThat(new Names.ToExecutor().convert("gil")).isSameAs(ExecutorRegistry.find("gil").orElseThrow());
    assertThat(new Names.ToBaseline().convert("single")).isSameAs(ExecutorRegistry.find("single").orElseThrow());
    assertThat(new Names.ToBaseline().convert("none")).isNull();
    assertThat(new Names.ToGuard().convert("adder")).isEqualTo(Guard.ADDER);
    assertThatThrownBy(() -> new Names.ToExecutor().convert("none")).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--executor"))
            .startsWith("invalid value for --executor: 'none' (expected one of: single, "));
  }

  @Test
  void processOptionsRefuseWhatWorkersCannotUse() {
    assertThat(new ProcessOptions.JvmOption().convert("-Xmx64m")).isEqualTo("-Xmx64m");
    assertThat(new ProcessOptions.JavaBinary().convert(" ")).isNull();
    String why = "(must be a JVM option starting with '-', and not one that sets the class path, a jar or a "
        + "module: concbench sets those)";
    for (String arg : new String[] {"Xmx64m", "-cp", "-classpath", "--class-path", "-jar", "-m", "--module"}) {
      assertThatThrownBy(() -> new ProcessOptions.JvmOption().convert(arg)).isInstanceOfSatisfying(BadValue.class,
          bad -> assertThat(bad.line("--jvm-arg")).isEqualTo("invalid value for --jvm-arg: '" + arg + "' " + why));
    }
    assertThatThrownBy(() -> new ProcessOptions.JavaBinary().convert("/")).isInstanceOfSatisfying(BadValue.class,
        bad -> assertThat(bad.line("--java")).isEqualTo("invalid value for --java: '/' (not an executable file)"));
  }
}
