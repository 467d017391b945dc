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

  /** True if tasks update the run's shared counter, so the counter guard matters. */
  default boolean usesCounter() {
    return false;
  }

  TaskKernel bind(ParamValues values);
}
