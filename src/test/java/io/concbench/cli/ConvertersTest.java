package io.concbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.concbench.report.ReportFormats;
import org.junit.jupiter.api.Test;

/** Each converter on its own: what it turns a value into, and the words of its refusal. */
class ConvertersTest {

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
        bad -> assertThat(bad.line("--export")).isEqualTo("invalid value for --export: 'yaml' (did you mean "
            + "'html'?)"));
  }
}
