package io.concbench.registry;

import io.concbench.executor.Executor;
import io.concbench.executor.FixedThreadPoolExecutor;
import io.concbench.executor.GilExecutor;
import io.concbench.executor.LockExecutor;
import io.concbench.executor.SingleThreadExecutor;
import io.concbench.executor.ThreadPerTaskExecutor;
import io.concbench.executor.VirtualThreadExecutor;
import io.concbench.process.parent.ClusterExecutor;
import io.concbench.process.parent.ForkExecutor;
import io.concbench.process.parent.ProcessPoolExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every executor, in the order help and {@code list} show them: the one place that knows both the
 * in-process executors and the process ones, so that neither package needs the other. Adding an executor is
 * its class and one line here; help, {@code list}, completion and the "did you mean" of a typo follow.
 */
public final class ExecutorRegistry {

  // Plain loops below, not streams: `concbench list` loads this, and the first lambdas of a JVM cost about a
  // fifth of its start-up (docs/PERFORMANCE.md).
  private static final List<Executor> ALL = List.of(
      new SingleThreadExecutor(),
      new ThreadPerTaskExecutor(),
      new FixedThreadPoolExecutor(),
      new VirtualThreadExecutor(),
      new LockExecutor(),
      new GilExecutor(),
      new ForkExecutor(),
      new ProcessPoolExecutor(),
      new ClusterExecutor());

  private ExecutorRegistry() {}

  public static List<Executor> all() {
    return ALL;
  }

  public static Optional<Executor> find(String name) {
    for (Executor executor : ALL) {
      if (executor.name().equals(name)) {
        return Optional.of(executor);
      }
    }
    return Optional.empty();
  }

  public static List<String> names() {
    List<String> names = new ArrayList<>();
    for (Executor executor : ALL) {
      names.add(executor.name());
    }
    return names;
  }
}
