package io.concbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamValuesTest {

  private final Workload mixed = workload("mixed", ParamSpec.integer("n", "", 2_000_000, 1, 1_000_000_000, "loop"),
      ParamSpec.integer("sleep-ms", "ms", 40, 0, 60_000, "wait"));

  @Test
  void fillsDefaultsAndKeepsTheWorkloadsDeclaredOrder() {
    ParamValues values = ParamValues.resolve(mixed, Map.of("sleep-ms", "7"));

    assertThat(values.integer("n")).isEqualTo(2_000_000L);
    assertThat(values.integer("sleep-ms")).isEqualTo(7);
    assertThat(values.asText()).containsExactly(
        Map.entry("n", "2000000"), Map.entry("sleep-ms", "7"));
    assertThat(values.toString()).isEqualTo("n=2000000 sleep-ms=7");
    assertThat(values.isDefault("n")).isTrue();
    assertThat(values.isDefault("sleep-ms")).isFalse();
  }

  @Test
  void anUnknownKeyIsRejectedWithTheKeysTheWorkloadTakes() {
    assertThatThrownBy(() -> ParamValues.resolve(mixed, Map.of("size", "3")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid value for --param: unknown parameter 'size' for workload mixed (it takes: n, sleep-ms)");
  }

  @Test
  void anUnknownKeyForAWorkloadWithoutParametersSaysSo() {
    assertThatThrownBy(() -> ParamValues.resolve(workload("tiny"), Map.of("n", "3")))
        .hasMessage("invalid value for --param: unknown parameter 'n' for workload tiny (it takes no parameters)");
  }

  @Test
  void aBadValueIsRejectedNamingTheParameter() {
    assertThatThrownBy(() -> ParamValues.resolve(mixed, Map.of("n", "lots")))
        .hasMessage("invalid value for --param n: 'lots' (expected a whole number)");
  }

  @Test
  void aMissingNameFails() {
    ParamValues values = ParamValues.defaults(workload("tiny"));
    assertThatThrownBy(() -> values.integer("n")).isInstanceOf(IllegalStateException.class).hasMessageContaining("n");
  }

  @Test
  void equalValuesAreEqualWhateverTheyWereTypedAs() {
    assertThat(ParamValues.resolve(mixed, Map.of("n", "5", "sleep-ms", "1")))
        .isEqualTo(ParamValues.resolve(mixed, Map.of("sleep-ms", "1", "n", "5e0")))
        .hasSameHashCodeAs(ParamValues.resolve(mixed, Map.of("sleep-ms", "1", "n", "5e0")));
  }

  @Test
  void everyKindRoundTripsThroughTextAndWritesItsJsonForm() {
    Workload typed = typedWorkload();
    ParamValues values = ParamValues.resolve(typed, Map.of("ratio", "0.25", "command", "echo {i}", "wait",
        "1.5s", "block", "64KiB"));

    assertThat(ParamValues.resolve(typed, values.asText())).isEqualTo(values);
    assertThat(values.decimal("ratio")).isEqualTo(0.25);
    assertThat(values.text("command")).isEqualTo("echo {i}");
    assertThat(values.duration("wait")).isEqualTo(Duration.ofMillis(1500));
    assertThat(values.bytes("block")).isEqualTo(65_536);
    assertThat(values.asJson()).containsExactly(Map.entry("n", 3L), Map.entry("ratio", 0.25),
        Map.entry("command", "echo {i}"), Map.entry("wait", 1500L), Map.entry("block", 65_536L));
  }

  /** A workload with a parameter of every kind. */
  private static Workload typedWorkload() {
    return workload("typed", ParamSpec.integer("n", "", 3, 1, 10, "count"),
        ParamSpec.decimal("ratio", "", 0.5, 0, 1, "share"),
        ParamSpec.text("command", "true", 100, "what to run"),
        ParamSpec.duration("wait", Duration.ofMillis(100), Duration.ZERO, Duration.ofMinutes(1), "wait"),
        ParamSpec.size("block", 4096, 1, 1 << 20, "block"));
  }

  /** A workload with these parameters and no code: the API's own tests depend on no built-in workload. */
  private static Workload workload(String name, ParamSpec... params) {
    return new Workload() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return "a test workload";
      }

      @Override
      public List<ParamSpec> params() {
        return List.of(params);
      }

      @Override
      public int defaultTasks() {
        return 1;
      }

      @Override
      public TaskKernel bind(ParamValues values) {
        throw new UnsupportedOperationException();
      }
    };
  }
}
