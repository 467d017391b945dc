package io.concbench.workload;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.api.ParamValues;
import io.concbench.api.TaskKernel;
import io.concbench.api.Workload;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadChecksumTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 10, 1000, 65_535, 65_536, 65_537, 200_001, 4_000_000})
  void closedFormEqualsTheLoopAndABigIntegerSum(long n) {
    long loop = CpuWorkload.SumOfSquares.compute(n, new PlainContext());
    BigInteger exact = BigInteger.ZERO;
    for (long i = 0; i < n; i++) {
      exact = exact.add(BigInteger.valueOf(i).multiply(BigInteger.valueOf(i)));
    }

    assertThat(CpuWorkload.SumOfSquares.closedForm(n)).isEqualTo(loop).isEqualTo(exact.longValue());
  }

  @Test
  void fourMillionSquaresAlreadyWrapAround64Bits() {
    // Sum of i*i below 4e6 is about 2.1e19 > 2^63: the check must follow the loop's wrapping arithmetic.
    long n = 4_000_000;
    BigInteger exact = BigInteger.valueOf(n - 1).multiply(BigInteger.valueOf(n))
        .multiply(BigInteger.valueOf(2 * n - 1)).divide(BigInteger.valueOf(6));

    assertThat(exact.bitLength()).isGreaterThan(63);
    assertThat(CpuWorkload.SumOfSquares.closedForm(n)).isEqualTo(exact.longValue());
  }

  @Test
  void cpuTasksCheckpointOncePerSlice() throws InterruptedException {
    TaskKernel kernel = bind("cpu", Map.of("n", "200000"));
    PlainContext context = new PlainContext();

    long result = kernel.run(0, context);

    assertThat(kernel.verify(0, result)).isTrue();
    assertThat(kernel.verify(0, result + 1)).isFalse();
    assertThat(context.checkpoints).isEqualTo(4); // 200 000 / 65 536, rounded up
  }

  @Test
  void everyWorkloadVerifiesItsOwnResults() throws InterruptedException {
    Map<String, Map<String, String>> small = Map.of(
        "cpu", Map.of("n", "1000"),
        "io", Map.of("sleep-ms", "0"),
        "mixed", Map.of("n", "1000", "sleep-ms", "0"),
        "tiny", Map.of(),
        "counter", Map.of("increments", "5000"),
        "command", Map.of("command", "true"));
    for (Workload workload : WorkloadRegistry.all()) {
      TaskKernel kernel = bind(workload.name(), small.get(workload.name()));
      for (int index = 0; index < 3; index++) {
        long result = kernel.run(index, new PlainContext());
        assertThat(kernel.verify(index, result)).as(workload.name() + " task " + index).isTrue();
      }
    }
  }

  @Test
  void ioStallsEveryNthTaskByIndexAndOnlyThose() throws InterruptedException {
    TaskKernel kernel = bind("io", Map.of("sleep-ms", "5", "stall-every", "3", "stall-ms", "1000"));
    long[] slept = new long[7];
    for (int index = 0; index < slept.length; index++) {
      RecordingContext context = new RecordingContext();
      kernel.run(index, context);
      slept[index] = context.sleptMillis;
    }

    assertThat(slept).containsExactly(5, 5, 1000, 5, 5, 1000, 5);
    RecordingContext never = new RecordingContext();
    bind("io", Map.of("sleep-ms", "5")).run(2, never);
    assertThat(never.sleptMillis).isEqualTo(5);
  }

  @Test
  void tinyResultsDifferFromTaskToTask() throws InterruptedException {
    TaskKernel kernel = bind("tiny", Map.of());

    assertThat(kernel.verify(1, kernel.run(2, new PlainContext()))).isFalse();
  }

  @Test
  void counterTasksIncrementExactlyTheirCount() throws InterruptedException {
    TaskKernel kernel = bind("counter", Map.of("increments", "10000"));
    PlainContext context = new PlainContext();

    long result = kernel.run(0, context);

    assertThat(result).isEqualTo(10_000);
    assertThat(context.increments).isEqualTo(10_000);
    assertThat(context.checkpoints).isEqualTo(3); // 10 000 / 4096, rounded up
  }

  @Test
  void onlyTheCounterWorkloadUsesTheCounter() {
    assertThat(WorkloadRegistry.all().stream().filter(Workload::usesCounter).map(Workload::name))
        .containsExactly("counter");
  }

  private static TaskKernel bind(String name, Map<String, String> params) {
    Workload workload = WorkloadRegistry.find(name).orElseThrow();
    return workload.bind(ParamValues.resolve(workload, params));
  }
}
