package io.concbench.executor;

import java.util.Optional;

/** One virtual thread per task (JDK 21+): blocking waits park the virtual thread, not a platform thread. */
public final class VirtualThreadExecutor implements Executor {

  /** Virtual threads are cheap, but a million of them is already a memory benchmark. */
  static final int MAX_VIRTUAL_THREADS = 1_000_000;

  private static final ExecutorTraits TRAITS = ExecutorTraits.of("virtual",
          "one virtual thread per task (JDK 21+)", ExecutorTraits.Concurrency.PER_TASK)
      .withMaxTasks(MAX_VIRTUAL_THREADS);

  @Override
  public ExecutorTraits traits() {
    return TRAITS;
  }

  @Override
  public Optional<String> unavailableReason() {
    return VirtualThreads.unavailableReason();
  }

  @Override
  public ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload) {
    return new ThreadPerTaskExecutor.ThreadPerTaskRun(VirtualThreads.factory().orElseThrow(
        () -> new IllegalStateException("virtual threads " + VirtualThreads.unavailableReason()
            .orElse("could not be reached through Thread.ofVirtual()"))));
  }
}
