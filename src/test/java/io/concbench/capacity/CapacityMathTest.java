package io.concbench.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CapacityMathTest {

  @Test
  void twoFullCoresGiveTwo() {
    assertThat(CapacityMath.capacity(2, 100, new long[] {100, 100})).isEqualTo(2.0);
  }

  @Test
  void theSlowestCopyDecides() {
    // One copy alone: 100 ms; together one took 100 ms and the other 192 ms: the second core gave little.
    assertThat(CapacityMath.capacity(2, 100, new long[] {100, 192})).isCloseTo(1.0417, within(1e-4));
  }

  @Test
  void lowCapacityIsBelowEightyPercentOfTheCoresAskedFor() {
    assertThat(CapacityMath.lowCapacity(1.04, 2)).isTrue();
    assertThat(CapacityMath.lowCapacity(1.61, 2)).isFalse();
    assertThat(CapacityMath.lowCapacity(1.59, 2)).isTrue();
  }

  @Test
  void badInputIsAProgrammingError() {
    assertThatThrownBy(() -> CapacityMath.capacity(2, 100, new long[] {100})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CapacityMath.capacity(1, 0, new long[] {100})).isInstanceOf(IllegalArgumentException.class);
  }
}
