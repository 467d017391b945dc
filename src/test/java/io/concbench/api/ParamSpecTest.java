package io.concbench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ParamSpecTest {

  private final IntegerParam n = ParamSpec.integer("n", "", 10, 1, 1_000_000_000L, "loop length");
  private final DecimalParam ratio = ParamSpec.decimal("ratio", "", 0.5, 0, 1, "share of work");
  private final TextParam command = ParamSpec.text("command", "true", 30, "what to run");
  private final DurationParam wait = ParamSpec.duration("wait", Duration.ofMillis(100), Duration.ZERO,
      Duration.ofMinutes(10), "time to wait");
  private final SizeParam block = ParamSpec.size("block", 4096, 1, 1L << 30, "block size");

  @Test
  void integersAcceptDigitsUnderscoresAndPowersOfTen() {
    assertThat(n.parse("2000000")).isEqualTo(2_000_000L);
    assertThat(n.parse("2_000_000")).isEqualTo(2_000_000L);
    assertThat(n.parse("2e6")).isEqualTo(2_000_000L);
    assertThat(n.parse(" 7 ")).isEqualTo(7L);
  }

  @Test
  void integersRejectTextFractionsAndOutOfRangeValuesNamingParameterAndValue() {
    assertThatThrownBy(() -> n.parse("abc")).hasMessage("invalid value for --param n: 'abc' (expected a whole number)");
    assertThatThrownBy(() -> n.parse("1.5")).hasMessageContaining("'1.5'");
    assertThatThrownBy(() -> n.parse("0"))
        .hasMessage("invalid value for --param n: '0' (must be between 1 and 1000000000)");
    assertThatThrownBy(() -> n.parse("-5")).hasMessageContaining("'-5'");
    assertThatThrownBy(() -> n.parse("1e30")).hasMessageContaining("'1e30'");
  }

  @Test
  void decimalsParseWithinTheirRangeAndRejectTheRest() {
    assertThat(ratio.parse("0.25")).isEqualTo(0.25);
    assertThat(ratio.parse("2.5e-1")).isEqualTo(0.25);
    assertThatThrownBy(() -> ratio.parse("1.5"))
        .hasMessage("invalid value for --param ratio: '1.5' (must be between 0 and 1)");
    assertThatThrownBy(() -> ratio.parse("NaN")).hasMessageContaining("must be between");
    assertThatThrownBy(() -> ratio.parse("half")).hasMessage("invalid value for --param ratio: 'half' (expected a number)");
  }

  @Test
  void textIsTakenAsItIsUpToItsLength() {
    assertThat(command.parse("sleep 0.1 && echo {i}")).isEqualTo("sleep 0.1 && echo {i}");
    assertThatThrownBy(() -> command.parse("x".repeat(31))).hasMessageContaining("(at most 30 characters)");
  }

  @Test
  void durationsNeedAUnitAndKeepTheirPrecision() {
    assertThat(wait.parse("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(wait.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(wait.parse("20us")).isEqualTo(Duration.ofNanos(20_000));
    assertThat(wait.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThatThrownBy(() -> wait.parse("250")).hasMessageContaining("expected a number and a unit");
    assertThatThrownBy(() -> wait.parse("1h"))
        .hasMessage("invalid value for --param wait: '1h' (must be between 0ms and 10m)");
  }

  @Test
  void sizesTakeBinaryAndDecimalUnits() {
    assertThat(block.parse("512")).isEqualTo(512L);
    assertThat(block.parse("64KiB")).isEqualTo(65_536L);
    assertThat(block.parse("1.5 MiB")).isEqualTo(1_572_864L);
    assertThat(block.parse("2kb")).isEqualTo(2_000L);
    assertThatThrownBy(() -> block.parse("2GiB")).hasMessageContaining("must be between 1B and 1GiB");
    assertThatThrownBy(() -> block.parse("lots")).hasMessageContaining("expected a size");
  }

  @Test
  void everyKindPrintsAValueAsTextThatParsesBackToIt() {
    assertThat(n.parse(n.format(123_456L))).isEqualTo(123_456L);
    assertThat(ratio.parse(ratio.format(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
    assertThat(wait.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
    assertThat(wait.parse(wait.format(Duration.ofNanos(1_234_567)))).isEqualTo(Duration.ofNanos(1_234_567));
    assertThat(block.format(65_536L)).isEqualTo("64KiB");
    assertThat(block.parse(block.format(1_000L))).isEqualTo(1_000L);
    assertThat(command.parse(command.format("a b"))).isEqualTo("a b");
  }

  @Test
  void reportsWriteNumbersAsNumbersAndTextAsText() {
    assertThat(n.json(5L)).isEqualTo(5L);
    assertThat(ratio.json(0.5)).isEqualTo(0.5);
    assertThat(command.json("true")).isEqualTo("true");
    assertThat(wait.json(Duration.ofMillis(250))).isEqualTo(250L);
    assertThat(wait.json(Duration.ofNanos(1_500_000))).isEqualTo(1.5);
    assertThat(block.json(65_536L)).isEqualTo(65_536L);
  }

  @Test
  void aDefaultOutsideItsRangeIsAProgrammingError() {
    assertThatThrownBy(() -> ParamSpec.integer("x", "", 0, 1, 2, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ParamSpec.text("x", "long", 2, "")).isInstanceOf(IllegalArgumentException.class);
  }
}
