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
  void eachCopyContributesItsSpeedRelativeToRunningAlone() {
    // Alone 100 ms; together one copy took 100 ms (a full core), the other 200 ms (half a core): 1.5 cores.
    assertThat(CapacityMath.capacity(2, 100, new long[] {100, 200})).isCloseTo(1.5, within(1e-12));
    // A third of a core each for three copies: one core in all.
    assertThat(CapacityMath.capacity(3, 100, new long[] {300, 300, 300})).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void noCopyCountsForMoreThanACore() {
    // The time alone was disturbed (the host took the core): a copy together "ran 4x faster" than alone.
    assertThat(CapacityMath.capacity(2, 400, new long[] {100, 110})).isEqualTo(2.0);
    assertThat(CapacityMath.capacity(2, 400, new long[] {100, 800})).isCloseTo(1.5, within(1e-12));
  }

  @Test
  void aTimeAloneIsSuspectWhenACopyRanClearlyFasterTogether() {
    assertThat(CapacityMath.aloneWasDisturbed(100, new long[] {100, 200})).isFalse();
    assertThat(CapacityMath.aloneWasDisturbed(100, new long[] {96, 100})).isFalse(); // noise
    assertThat(CapacityMath.aloneWasDisturbed(100, new long[] {94, 100})).isTrue();
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
