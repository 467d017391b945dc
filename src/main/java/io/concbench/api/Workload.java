package io.concbench.api;

import java.util.List;

/** A named kind of work, with parameters; binding it to parameter values gives the code that tasks run. */
public interface Workload {

  String name();

  /** One line for help and {@code list}. */
  String description();

  List<ParamSpec> params();

  /** Tasks per run when the user does not say. */
  int defaultTasks();

  /**
   * True if the workload has a parameter of that name. A plain loop, not a stream: worker JVMs call it on
   * their start-up path, where a first lambda would load java.lang.invoke.
   */
  default boolean takesParam(String name) {
    for (ParamSpec spec : params()) {
      if (spec.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a parallel run of this work can go no faster than the cores the machine gives, so that its
   * speedup is read against the capacity probed beside it. False for work that waits: its tasks overlap
   * however many cores there are (20 waits on 4 threads: 4x on one core), so a capacity probe would cost
   * its time and yield an efficiency against capacity above 1 that means nothing.
   */
  default boolean boundByCores() {
    return true;
  }

  /**
   * How tasks use a core while they run (see {@link CpuUse}): {@link CpuUse#MEASURED} unless the workload
   * knows.
   */
  default CpuUse cpuUse() {
    return CpuUse.MEASURED;
  }

  /** True if tasks update the run's shared counter, so the counter guard matters. */
  default boolean usesCounter() {
    return false;
  }

  /**
   * True if tasks start processes of their own and wait for them: the CPU time those children used, as the
   * operating system counts it once they are waited for, is then part of each run's CPU time.
   */
  default boolean startsProcesses() {
    return false;
  }

  TaskKernel bind(ParamValues values);
}
