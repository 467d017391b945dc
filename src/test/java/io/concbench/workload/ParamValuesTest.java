package io.concbench.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamValuesTest {

  private final Workload mixed = new MixedWorkload();

  @Test
  void fillsDefaultsAndKeepsTheWorkloadsDeclaredOrder() {
    ParamValues values = ParamValues.resolve(mixed, Map.of("sleep-ms", "7"));
    assertThat(values.asMap()).containsExactly(
        Map.entry("n", MixedWorkload.N.defaultValue()), Map.entry("sleep-ms", 7L));
    assertThat(values.toString()).isEqualTo("n=" + MixedWorkload.N.defaultValue() + " sleep-ms=7");
  }

  @Test
  void anUnknownKeyIsRejectedWithTheKeysTheWorkloadTakes() {
    assertThatThrownBy(() -> ParamValues.resolve(mixed, Map.of("size", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --param: unknown parameter 'size' for workload mixed (it takes: n, sleep-ms)");
  }

  @Test
  void anUnknownKeyForAWorkloadWithoutParametersSaysSo() {
    assertThatThrownBy(() -> ParamValues.resolve(new TinyWorkload(), Map.of("n", "3")))
        .hasMessage("invalid value for --param: unknown parameter 'n' for workload tiny (it takes no parameters)");
  }

  @Test
  void aBadValueIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> ParamValues.resolve(mixed, Map.of("n", "lots")))
        .hasMessage("invalid value for --param n: 'lots' (expected a whole number)");
  }

  @Test
  void getOfAMissingNameFails() {
    ParamValues values = ParamValues.resolve(new TinyWorkload(), Map.of());
    assertThatThrownBy(() -> values.get("n")).isInstanceOf(IllegalStateException.class).hasMessageContaining("n");
  }

  @Test
  void equalValuesAreEqualWhateverMapTheyCameFrom() {
    Map<String, Long> ordered = new LinkedHashMap<>();
    ordered.put("n", 5L);
    ordered.put("sleep-ms", 1L);
    assertThat(ParamValues.of(ordered)).isEqualTo(ParamValues.resolve(mixed, Map.of("n", "5", "sleep-ms", "1")))
        .hasSameHashCodeAs(ParamValues.resolve(mixed, Map.of("n", "5", "sleep-ms", "1")));
  }
}
