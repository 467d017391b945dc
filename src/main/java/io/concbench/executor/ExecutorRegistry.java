package io.concbench.executor;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/** Every executor, in the order help and {@code list} show them. Adding one is one entry here. */
public final class ExecutorRegistry {

  /** How many threads an executor runs tasks on at once. */
  public enum Threads {
    /** One thread, whatever --workers says. */
    ONE,
    /** {@code --workers} threads (or processes). */
    WORKERS,
    /** One thread per task, all at once: at most {@link Entry#maxTasks} tasks. */
    PER_TASK
  }

  /**
   * One executor kind.
   *
   * @param threads how many threads run its tasks at once; {@link Threads#WORKERS} is "parallel"
   * @param maxTasks the most tasks it takes in one run (a thread per task costs memory), 0 for no limit
   * @param chunked true if it sends tasks in chunks, so {@code --chunksize} applies
   * @param usesGuard true if it updates the shared counter whatever the workload, so {@code --guard} applies
   * @param inOtherProcesses true if its tasks run in other processes (it takes the process options, is
   *     probed with processes, and cannot share a counter between tasks)
   * @param unavailable why it cannot run on this JVM, if it cannot
   * @param factory makes the executor; the argument says whether the workload updates the counter itself
   */
  public record Entry(
      String name,
      String description,
      Threads threads,
      int maxTasks,
      boolean chunked,
      boolean usesGuard,
      boolean inOtherProcesses,
      Supplier<Optional<String>> unavailable,
      Function<Boolean, Executor> factory) {

    /** True if {@code --workers} sets its thread (or process) count. */
    public boolean parallel() {
      return threads == Threads.WORKERS;
    }

    /** Threads that run tasks at once: what efficiency (speedup per worker) divides by. */
    public int threadsAtOnce(int workers, int tasks) {
      return switch (threads) {
        case ONE -> 1;
        case WORKERS -> workers;
        case PER_TASK -> tasks;
      };
    }

    public Optional<String> unavailableReason() {
      return unavailable.get();
    }

    public Executor create(boolean workloadUpdatesCounter) {
      return factory.apply(workloadUpdatesCounter);
    }

    /** Whether {@code --chunksize} changes what it does. */
    public boolean takesChunksize() {
      return chunked;
    }
  }

  /** Available on every JVM. A named class, like {@link Create}: no lambda on the path of `list`. */
  private static final class Always implements Supplier<Optional<String>> {
    @Override
    public Optional<String> get() {
      return Optional.empty();
    }
  }

  /** Virtual threads need JDK 21. */
  private static final class NeedsVirtualThreads implements Supplier<Optional<String>> {
    @Override
    public Optional<String> get() {
      return VirtualThreads.unavailableReason();
    }
  }

  /**
   * Makes the executor of the entry named {@code name}. One class with a switch rather than a lambda per
   * entry: `concbench list` loads this registry only to print it, and the first lambdas of a JVM cost about
   * a fifth of its start-up (docs/PERFORMANCE.md). A test checks that every entry has its case.
   */
  record Create(String name) implements Function<Boolean, Executor> {
    @Override
    public Executor apply(Boolean workloadUpdatesCounter) {
      return switch (name) {
        case "single" -> new SingleThreadExecutor();
        case "thread-per-task" -> new ThreadPerTaskExecutor();
        case "thread-pool" -> new FixedThreadPoolExecutor();
        case "virtual" -> new VirtualThreadExecutor();
        case "lock" -> new LockExecutor(workloadUpdatesCounter);
        case "gil" -> new GilExecutor();
        case "fork" -> new io.concbench.process.ForkExecutor();
        case "process-pool" -> new io.concbench.process.ProcessPoolExecutor();
        default -> throw new IllegalArgumentException("no executor '" + name + "'");
      };
    }
  }

  private static final Supplier<Optional<String>> ALWAYS = new Always();

  /** Platform threads are an OS resource: 10 000 of them already take seconds to start on a small VM. */
  static final int MAX_PLATFORM_THREADS_PER_TASK = 10_000;
  /** Virtual threads are cheap, but a million of them is already a memory benchmark. */
  static final int MAX_VIRTUAL_THREADS = 1_000_000;

  private static final List<Entry> ALL = List.of(
      new Entry("single", "all tasks on one thread, in order (the baseline)", Threads.ONE, 0, false, false, false,
          ALWAYS, new Create("single")),
      new Entry("thread-per-task", "a new platform thread per task, all started, then joined", Threads.PER_TASK,
          MAX_PLATFORM_THREADS_PER_TASK, false, false, false, ALWAYS, new Create("thread-per-task")),
      new Entry("thread-pool", "fixed pool of --workers platform threads sharing one queue", Threads.WORKERS, 0,
          false, false, false, ALWAYS, new Create("thread-pool")),
      new Entry("virtual", "one virtual thread per task (JDK 21+)", Threads.PER_TASK, MAX_VIRTUAL_THREADS, false,
          false, false, new NeedsVirtualThreads(), new Create("virtual")),
      new Entry("lock", "--workers threads updating one shared counter through --guard", Threads.WORKERS, 0,
          false, true, false, ALWAYS, new Create("lock")),
      new Entry("gil", "--workers threads under one simulated global interpreter lock (--switch-interval-ms)",
          Threads.WORKERS, 0, false, false, false, ALWAYS, new Create("gil")),
      new Entry("fork", "a new JVM per task, at most --workers at once (the lesson's multiprocessing.Process)",
          Threads.WORKERS, 0, false, false, true, ALWAYS, new Create("fork")),
      new Entry("process-pool", "--workers long-lived worker JVMs fed chunks over pipes (the lesson's Pool.map)",
          Threads.WORKERS, 0, true, false, true, ALWAYS, new Create("process-pool")));

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
