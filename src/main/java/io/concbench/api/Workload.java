package io.concbench.api;

import java.util.List;

/**
 * A named kind of work, with parameters; binding it to parameter values gives the code that tasks run.
 *
 * <p>A plug-in implements it in a public class with a public no-argument constructor, lists that class in
 * {@code META-INF/services/io.concbench.api.Workload}, and overrides {@link #apiVersion()} to return
 * {@link Api#VERSION} (docs/plugins.md).
 */
public interface Workload {

  /** What {@link #apiVersion()} returns when a workload does not say: a plug-in that does is refused. */
  int UNDECLARED_API_VERSION = 0;

  /** The name users type after {@code --workload}: letters, digits, '.', '_' and '-', starting with a letter. */
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

  /**
   * The API version this workload was compiled against. A plug-in overrides it as
   * {@code return Api.VERSION;}: javac inlines the constant, so the plug-in's class file holds the version
   * of the API it was built with, and concbench refuses a plug-in built for an API it does not provide.
   * Not abstract, so that the built-in workloads (which concbench never checks) need not say it; a plug-in
   * that leaves it at {@link #UNDECLARED_API_VERSION} is refused when it is loaded.
   */
  default int apiVersion() {
    return UNDECLARED_API_VERSION;
  }

  TaskKernel bind(ParamValues values);
}
