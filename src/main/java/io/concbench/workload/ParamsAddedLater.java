package io.concbench.workload;

import java.util.Set;

/**
 * A built-in workload with parameters added after reports were written with it: left out of a result's
 * {@code params} while at their default, so that those reports and new ones still describe the same work
 * with the same parameters (compare pairs results by equal parameters).
 */
public interface ParamsAddedLater {

  /** The parameters reported only when set to something other than their default. */
  Set<String> reportedOnlyWhenSet();
}
