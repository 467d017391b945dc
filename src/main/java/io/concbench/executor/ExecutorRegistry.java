package io.concbench.executor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every executor, in the order help and {@code list} show them. Adding one is one entry here. */
public final class ExecutorRegistry {

  /**
   * One executor kind.
   *
   * @param parallel true if {@code --workers} sets its thread count
   * @param usesGuard true if it updates the shared counter whatever the workload, so {@code --guard} applies
   * @param inOtherProcesses true if its tasks run in other processes (it takes the process options, is
   *     probed with processes, and cannot share a counter between tasks)
   * @param unavailable why it cannot run on this JVM, if it cannot
   * @param factory makes the executor; the argument says whether the workload updates the counter itself
   */
  public record Entry(
      String name,
      String description,
      boolean parallel,
      boolean usesGuard,
      boolean inOtherProcesses,
      Supplier<Optional<String>> unavailable,
      Function<Boolean, Executor> factory) {

    public Optional<String> unavailableReason() {
      return unavailable.get();
    }

    public Executor create(boolean workloadUpdatesCounter) {
      return factory.apply(workloadUpdatesCounter);
    }

    /** Whether {@code --chunksize} changes what it does: only the pool sends tasks in chunks. */
    public boolean takesChunksize() {
      return name.equals("process-pool");
    }
  }

  private static final Supplier<Optional<String>> ALWAYS = Optional::empty;

  private static final List<Entry> ALL = List.of(
      new Entry("single", "all tasks on one thread, in order (the baseline)", false, false, false, ALWAYS,
          counter -> new SingleThreadExecutor()),
      new Entry("thread-per-task", "a new platform thread per task, all started, then joined", false, false, false,
          ALWAYS, counter -> new ThreadPerTaskExecutor()),
      new Entry("thread-pool", "fixed pool of --workers platform threads sharing one queue", true, false, false,
          ALWAYS, counter -> new FixedThreadPoolExecutor()),
      new Entry("virtual", "one virtual thread per task (JDK 21+)", false, false, false,
          VirtualThreads::unavailableReason, counter -> new VirtualThreadExecutor()),
      new Entry("lock", "--workers threads updating one shared counter through --guard", true, true, false, ALWAYS,
          LockExecutor::new),
      new Entry("gil", "--workers threads under one simulated global interpreter lock (--switch-interval-ms)",
          true, false, false, ALWAYS, counter -> new GilExecutor()),
      new Entry("fork", "a new JVM per task, at most --workers at once (the lesson's multiprocessing.Process)",
          true, false, true, ALWAYS, counter -> new io.concbench.process.ForkExecutor()),
      new Entry("process-pool", "--workers long-lived worker JVMs fed chunks over pipes (the lesson's Pool.map)",
          true, false, true, ALWAYS, counter -> new io.concbench.process.ProcessPoolExecutor()));

  private ExecutorRegistry() {}

  public static List<Entry> all() {
    return ALL;
  }

  public static Optional<Entry> find(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(Entry::name).toList();
  }
}
