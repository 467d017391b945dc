package io.concbench.workload.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.concbench.api.TaskContext;
import io.concbench.api.TaskFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real commands, each a few milliseconds long except where a test waits for a kill; every wait has a
 * deadline on an observable event (a file written, a process gone), never a bare sleep.
 */
@Timeout(60)
class CommandKernelTest {

  @TempDir Path dir;
  private final PeakContext context = new PeakContext();

  @Test
  void aCommandThatExitsZeroIsATaskDone() throws Exception {
    CommandKernel kernel = kernel("true", "sh", Duration.ZERO);
    assertThat(kernel.verify(0, kernel.run(0, context))).isTrue();
  }

  @Test
  void aNonZeroExitFailsTheTaskWithItsStatusPidAndTheEndOfItsStandardError() {
    CommandKernel kernel = kernel("echo first >&2; echo 'it broke' >&2; exit 3", "sh", Duration.ZERO);

    TaskFailedException failure = catchThrowableOfType(() -> kernel.run(0, context), TaskFailedException.class);

    assertThat(failure.getMessage()).isEqualTo("exit status 3");
    assertThat(failure.exitStatus()).isEqualTo(3);
    assertThat(failure.pid()).isPositive();
    assertThat(failure.timedOut()).isFalse();
    assertThat(failure.stderrTail()).isEqualTo("first\nit broke");
  }

  @Test
  void theTaskIndexAndCountAreSubstituted() throws Exception {
    CommandKernel kernel = kernel("test {i} != 5 && test {n} = 8", "sh", Duration.ZERO);
    assertThat(kernel.run(4, context)).isZero();
    assertThatThrownBy(() -> kernel.run(5, context)).isInstanceOf(TaskFailedException.class)
        .hasMessage("exit status 1");
  }

  @Test
  void withoutAShellTheWordsRunDirectlyAndAMissingProgramFailsTheTask() throws Exception {
    assertThat(kernel("test 1 = 1", "none", Duration.ZERO).run(0, context)).isZero();

    TaskFailedException failure = catchThrowableOfType(
        () -> kernel("/no/such/program", "none", Duration.ZERO).run(0, context), TaskFailedException.class);
    assertThat(failure.exitStatus()).isNotZero();
    assertThat(failure.stderrTail()).contains("/no/such/program");
  }

  @Test
  void aCommandOverItsTimeoutIsKilledWithEverythingInItsGroup() throws Exception {
    Path pidFile = dir.resolve("pid");
    CommandKernel kernel = kernel("sleep 30 & echo $! > " + pidFile + "; wait", "sh", Duration.ofMillis(300));

    TaskFailedException failure = catchThrowableOfType(() -> kernel.run(0, context), TaskFailedException.class);

    assertThat(failure.timedOut()).isTrue();
    assertThat(failure.getMessage()).isEqualTo("ran over --task-timeout 300ms; its process group was killed");
    assertGone(pidFile);
  }

  @Test
  void whatAFinishedCommandLeftRunningInItsGroupIsKilled() throws Exception {
    Path pidFile = dir.resolve("pid");
    assertThat(kernel("sleep 30 & echo $! > " + pidFile, "sh", Duration.ZERO).run(0, context)).isZero();
    assertGone(pidFile);
  }

  @Test
  void anInterruptedWaitKillsTheCommandAndEndsTheTask() throws Exception {
    Path pidFile = dir.resolve("pid");
    CommandKernel kernel = kernel("sleep 30 & echo $! > " + pidFile + "; wait", "sh", Duration.ZERO);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread task = new Thread(() -> {
      try {
        kernel.run(0, context);
      } catch (Throwable e) {
        thrown.set(e);
      }
    });
    task.start();
    awaitNonEmpty(pidFile);

    task.interrupt(); // what a cancelled run does to a task in its wait

    task.join(TimeUnit.SECONDS.toMillis(20));
    assertThat(task.isAlive()).isFalse();
    assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
    assertGone(pidFile);
  }

  @Test
  void theCommandsPeakMemoryIsReportedWhenItRunsLongEnoughToBeSampled() throws Exception {
    kernel("sleep 0.2", "sh", Duration.ZERO).run(0, context);
    assertThat(context.peak.get()).isGreaterThan(100 * 1024);
  }

  private CommandKernel kernel(String command, String shell, Duration timeout) {
    return new CommandKernel(CommandLineTemplate.of(command, shell), new CommandOptions(8, timeout, false));
  }

  private static void awaitNonEmpty(Path file) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!(Files.exists(file) && !Files.readString(file).isBlank())) {
      assertThat(System.nanoTime()).as("%s written", file).isLessThan(deadline);
      Thread.sleep(5);
    }
  }

  /** The process whose pid the command wrote ends within a deadline meant for a loaded machine. */
  private static void assertGone(Path pidFile) throws Exception {
    awaitNonEmpty(pidFile);
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    ProcessHandle.of(pid).ifPresent(p -> assertThat(p.onExit().completeOnTimeout(null, 20, TimeUnit.SECONDS)
        .join()).as("process %d killed", pid).isNotNull());
  }

  /** Runs waits as they are and keeps the largest peak reported. */
  private static final class PeakContext implements TaskContext {
    final AtomicLong peak = new AtomicLong(-1);

    @Override
    public void checkpoint() {}

    @Override
    public void sleep(long millis) throws InterruptedException {
      Thread.sleep(millis);
    }

    @Override
    public void increment() {}

    @Override
    public void childPeakMemory(long bytes) {
      peak.accumulateAndGet(bytes, Math::max);
    }
  }
}
