package io.concbench.executor;

import java.util.Optional;

/**
 * A way of running tasks: on one thread, on many, on virtual threads, under a lock, under a GIL, in other
 * processes. An executor describes itself ({@link #traits}), so that adding one is its class and one line in
 * the registry. Implementations are stateless: one instance serves every run of every case.
 */
public interface Executor {

  ExecutorTraits traits();

  default String name() {
    return traits().name();
  }

  /** Why it cannot run on this JVM (virtual threads on JDK 17), or empty if it can. Cheap: {@code list} asks. */
  default Optional<String> unavailableReason() {
    return Optional.empty();
  }

  /**
   * Why it refuses to run with these settings, found before anything runs (a {@code cluster} run's remote
   * members out of reach, or differing from this concbench), in one line; empty if it does not. May take
   * seconds: asked once per command, after the options are checked.
   */
  default Optional<String> refusal(ExecutorSettings settings) {
    return Optional.empty();
  }

  /**
   * Prepares one run, outside the timed region: starts pool threads and the like, so that set-up cost is
   * not mistaken for the cost of running tasks.
   */
  ExecutorRun open(ExecutorSettings settings, WorkloadSpec workload);
}
