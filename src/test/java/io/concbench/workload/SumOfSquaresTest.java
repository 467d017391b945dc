package io.concbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.workload.CpuWorkload.SumOfSquares;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SumOfSquaresTest {

  /** sum(i*i for i < n) in exact arithmetic, reduced modulo 2^64 as Java's long does. */
  private static long reference(long n) {
    BigInteger total = BigInteger.ZERO;
    for (long i = 0; i < n; i++) {
      BigInteger big = BigInteger.valueOf(i);
      total = total.add(big.multiply(big));
    }
    return total.longValue();
  }

  /** The same sum from the formula (n-1)n(2n-1)/6, in exact arithmetic, reduced modulo 2^64. */
  private static long referenceFormula(long n) {
    BigInteger big = BigInteger.valueOf(n);
    BigInteger exact = big.subtract(BigInteger.ONE).multiply(big).multiply(big.multiply(BigInteger.TWO)
        .subtract(BigInteger.ONE)).divide(BigInteger.valueOf(6));
    return exact.mod(BigInteger.TWO.pow(64)).longValue();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 10, 1000, 65_535, 65_536, 65_537, 200_001})
  void closedFormEqualsTheLoopAndTheExactSum(long n) {
    long loop = SumOfSquares.compute(n, new RecordingContext());
    assertThat(SumOfSquares.closedForm(n)).isEqualTo(loop).isEqualTo(reference(n));
  }

  @ParameterizedTest
  @ValueSource(longs = {3_000_000L, 1L << 22, 1_000_000_000L, 150_000_000L, 999_999_999_999L, 1_000_000_000_000L})
  void closedFormWrapsModulo2To64LikeTheLoopForLargeN(long n) {
    // The exact sums here exceed 2^63: only modular arithmetic gives the loop's answer.
    assertThat(BigInteger.valueOf(n).pow(3).bitLength()).isGreaterThan(63);
    assertThat(SumOfSquares.closedForm(n)).isEqualTo(referenceFormula(n));
  }

  @ParameterizedTest
  @ValueSource(longs = {3_000_000L, 1L << 22})
  void theLoopWrapsTheSameWayForNPast2To63(long n) {
    // Small enough to run the loop in a few milliseconds, large enough that the exact sum exceeds 2^63.
    assertThat(SumOfSquares.compute(n, new RecordingContext())).isEqualTo(referenceFormula(n));
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 65_536, 65_537, 131_072})
  void theLoopCheckpointsOncePerSlice(long n) {
    RecordingContext context = new RecordingContext();
    SumOfSquares.compute(n, context);
    assertThat(context.checkpoints).isEqualTo((n + SumOfSquares.SLICE - 1) / SumOfSquares.SLICE);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 511, 512, 513, 4096, 10_000})
  void theWarmUpsShortSlicesSumTheSameAndCheckpointAfterEach(long n) {
    RecordingContext context = new RecordingContext();
    long sum = SumOfSquares.sliced(n, SumOfSquares.WARM_UP_SLICE, context);
    assertThat(sum).isEqualTo(reference(n));
    assertThat(context.checkpoints)
        .isEqualTo((n + SumOfSquares.WARM_UP_SLICE - 1) / SumOfSquares.WARM_UP_SLICE);
  }
}
