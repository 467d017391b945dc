package io.concbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamSpecTest {

  private final ParamSpec n = new ParamSpec("n", "", 10, 1, 1_000_000_000L, "loop length");

  @Test
  void acceptsDigitsUnderscoresAndPowersOfTen() {
    assertThat(n.parse("2000000")).isEqualTo(2_000_000);
    assertThat(n.parse("2_000_000")).isEqualTo(2_000_000);
    assertThat(n.parse("2e6")).isEqualTo(2_000_000);
    assertThat(n.parse(" 7 ")).isEqualTo(7);
  }

  @Test
  void rejectsTextFractionsAndOutOfRangeValuesNamingParameterAndValue() {
    assertThatThrownBy(() -> n.parse("abc")).hasMessage("invalid value for --param n: 'abc' (expected a whole number)");
    assertThatThrownBy(() -> n.parse("1.5")).hasMessageContaining("'1.5'");
    assertThatThrownBy(() -> n.parse("0"))
        .hasMessage("invalid value for --param n: '0' (must be between 1 and 1000000000)");
    assertThatThrownBy(() -> n.parse("-5")).hasMessageContaining("'-5'");
    assertThatThrownBy(() -> n.parse("1e30")).hasMessageContaining("'1e30'");
  }

  @Test
  void aDefaultOutsideItsRangeIsAProgrammingError() {
    assertThatThrownBy(() -> new ParamSpec("x", "", 0, 1, 2, "")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void resolveFillsDefaultsInDeclaredOrder() {
    Workload mixed = WorkloadRegistry.find("mixed").orElseThrow();

    ParamValues values = ParamValues.resolve(mixed, Map.of("sleep-ms", "7"));

    assertThat(values.asMap()).containsExactly(
        Map.entry("n", MixedWorkload.N.defaultValue()), Map.entry("sleep-ms", 7L));
    assertThat(values.toString()).isEqualTo("n=75000000 sleep-ms=7");
  }

  @Test
  void anUnknownKeyNamesTheKeysTheWorkloadTakes() {
    Workload cpu = WorkloadRegistry.find("cpu").orElseThrow();
    Workload tiny = WorkloadRegistry.find("tiny").orElseThrow();

    assertThatThrownBy(() -> ParamValues.resolve(cpu, Map.of("m", "1")))
        .hasMessage("invalid value for --param: unknown parameter 'm' for workload cpu (it takes: n)");
    assertThatThrownBy(() -> ParamValues.resolve(tiny, Map.of("n", "1")))
        .hasMessageContaining("(it takes no parameters)");
  }
}
