package io.concbench.workload;

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

  /** True if tasks update the run's shared counter, so the counter guard matters. */
  default boolean usesCounter() {
    return false;
  }

  TaskKernel bind(ParamValues values);
}
