package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void durationsKeepAboutThreeSignificantDigits() {
    assertThat(Units.millis(12_345)).isEqualTo("12.3 s");
    assertThat(Units.millis(1_234)).isEqualTo("1.23 s");
    assertThat(Units.millis(123.4)).isEqualTo("123 ms");
    assertThat(Units.millis(12.34)).isEqualTo("12.3 ms");
    assertThat(Units.millis(1.234)).isEqualTo("1.23 ms");
    assertThat(Units.millis(0.1234)).isEqualTo("123 us");
    assertThat(Units.micros(12.34)).isEqualTo("12.3 us");
    assertThat(Units.micros(0.05)).isEqualTo("0.05 us");
    assertThat(Units.micros(2_500)).isEqualTo("2.50 ms");
  }

  @Test
  void theUnitIsChosenAfterRoundingSoNothingPrintsWithFourDigits() {
    assertThat(Units.millis(999.7)).isEqualTo("1.00 s");
    assertThat(Units.millis(9.997)).isEqualTo("10.0 ms");
    assertThat(Units.millis(0.9997)).isEqualTo("1.00 ms");
    assertThat(Units.micros(999.7)).isEqualTo("1.00 ms");
    assertThat(Units.millis(9_999.7)).isEqualTo("10.0 s");
  }

  @Test
  void ratesGetSuffixes() {
    assertThat(Units.rate(12.345)).isEqualTo("12.35");
    assertThat(Units.rate(1234)).isEqualTo("1234");
    assertThat(Units.rate(12_345)).isEqualTo("12.3k");
    assertThat(Units.rate(12_345_678)).isEqualTo("12.3M");
  }
}
