package io.concbench.workload;

import io.concbench.api.Workload;
import io.concbench.workload.command.CommandWorkload;
import java.util.List;
import java.util.Optional;

/** Every workload, in the order help and {@code list} show them. Adding one is one line here. */
public final class WorkloadRegistry {

  private static final List<Workload> ALL = List.of(
      new CpuWorkload(),
      new IoWorkload(),
      new MixedWorkload(),
      new TinyWorkload(),
      new CounterWorkload(),
      new CommandWorkload());

  private WorkloadRegistry() {}

  public static List<Workload> all() {
    return ALL;
  }

  public static Optional<Workload> find(String name) {
    return ALL.stream().filter(w -> w.name().equals(name)).findFirst();
  }

  public static List<String> names() {
    return ALL.stream().map(Workload::name).toList();
  }
}
