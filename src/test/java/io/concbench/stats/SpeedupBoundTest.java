package io.concbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.concbench.result.CapacitySummary;
import io.concbench.system.BackgroundLoad;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bound from plain numbers; ResultAssemblerTest has it from measurements. */
class SpeedupBoundTest {

  private static final CapacitySummary CAPACITY =
      new CapacitySummary(1.8, 1.6, 2.0, List.of(1.6, 1.8, 2.0), "threads", 2);

  @Test
  void theBoundIsTheWorkersOrTheCoresOverTheDemandWhicheverIsLess() {
    assertThat(SpeedupBound.bound(4, 1.9, 0.25)).isEqualTo(4.0);
    assertThat(SpeedupBound.bound(4, 1.9, 0.5)).isEqualTo(3.8);
    assertThat(SpeedupBound.bound(4, 1.9, 1.0)).isEqualTo(1.9);
  }

  @Test
  void unknownWorkWaitsOnlyWhenEnoughRunsShowAShareWhollyBelowAllCpu() {
    long[] seconds = {1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L, 1_000_000_000L};
    // mixed-like: about half a core, steadily.
    assertThat(SpeedupBound.measuredToWait(ms(550, 540, 560, 550, 545), seconds)).isTrue();
    // cpu-like with one disturbed run: the interval reaches all-CPU.
    assertThat(SpeedupBound.measuredToWait(ms(990, 1000, 700, 990, 1000), seconds)).isFalse();
    // Four runs are too few, and 5 runs of 150 ms of CPU together too short, however clear their share.
    assertThat(SpeedupBound.measuredToWait(ms(500, 500, 500, 500), Arrays.copyOf(seconds, 4))).isFalse();
    assertThat(SpeedupBound.measuredToWait(ms(30, 30, 30, 30, 30), ms(60, 60, 60, 60, 60))).isFalse();
  }

  private static long[] ms(long... millis) {
    return Arrays.stream(millis).map(m -> m * 1_000_000L).toArray();
  }

  @Test
  void theDemandIsTheBaselinesCpuShareOverAllItsRunsAtMostOneCore() {
    long[] wall = {800_000_000, 800_000_000};

    assertThat(SpeedupBound.demand(1, new long[] {400_000_000, 480_000_000}, wall)).isCloseTo(0.55, within(1e-12));
    assertThat(SpeedupBound.demand(1, new long[] {1_600_000_000, 1_600_000_000}, wall)).isEqualTo(1.0);
  }

  @Test
  void theDemandIsUnknownForSeveralWorkersAnUnknownCpuTimeOrTooFewTicks() {
    long[] wall = {800_000_000, 800_000_000};

    assertThat(SpeedupBound.demand(2, new long[] {400_000_000, 400_000_000}, wall)).isNull();
    assertThat(SpeedupBound.demand(1, new long[] {400_000_000, -1}, wall)).isNull();
    assertThat(SpeedupBound.demand(1, new long[] {99_000_000, 100_000_000}, wall)).isNull(); // 199 ms
    assertThat(SpeedupBound.demand(1, new long[] {100_000_000, 100_000_000}, wall)).isEqualTo(0.125);
  }

  @Test
  void roundsThatAlignAreEachSetAgainstTheirOwnBoundAndOthersAgainstTheMedians() {
    SpeedupBound.Figures paired = SpeedupBound.of(0.5, 2.0, CAPACITY, 4, new double[] {3.2, 3.2, 3.2}, null);
    SpeedupBound.Figures unpaired = SpeedupBound.of(0.5, 2.0, CAPACITY, 4, null, null);

    // Rounds' bounds: 1.6 / 0.5 = 3.2, 3.6, 4 (capped at 4 workers): efficiencies 1.0, 0.889, 0.8.
    assertThat(paired.bound()).isCloseTo(3.6, within(1e-12));
    assertThat(paired.efficiency()).isCloseTo(3.2 / 3.6, within(1e-12));
    assertThat(unpaired.bound()).isCloseTo(3.6, within(1e-12));
    assertThat(unpaired.efficiency()).isCloseTo(2.0 / 3.6, within(1e-12));
    assertThat(paired.demand()).isEqualTo(0.5);
  }

  @Test
  void noFiguresWithoutTheDemandASpeedupACapacityOrUnderTheHypervisorsSteal() {
    BackgroundLoad stolen = new BackgroundLoad(5000, 2, 0.0, 0.06, List.of());
    BackgroundLoad littleStolen = new BackgroundLoad(5000, 2, 0.0, 0.05, List.of());

    assertThat(SpeedupBound.of(null, 2.0, CAPACITY, 4, null, null)).isNull();
    assertThat(SpeedupBound.of(0.5, null, CAPACITY, 4, null, null)).isNull();
    assertThat(SpeedupBound.of(0.5, 2.0, null, 4, null, null)).isNull();
    assertThat(SpeedupBound.of(0.5, 2.0, CAPACITY, 4, null, stolen)).isNull();
    assertThat(SpeedupBound.of(0.5, 2.0, CAPACITY, 4, null, littleStolen)).isNotNull();
  }
}
