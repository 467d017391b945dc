package io.concbench.executor;

import java.util.Map;

/**
 * The workload of a case as an executor needs it: the registry name and every parameter value as text that
 * resolves back to it (what another process binds it from), and whether its tasks update the run's shared
 * counter themselves (the lock executor then adds no updates of its own).
 */
public record WorkloadSpec(String name, Map<String, String> params, boolean updatesCounter) {

  public WorkloadSpec(String name, Map<String, String> params) {
    this(name, params, false);
  }
}
