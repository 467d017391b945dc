package io.concbench.executor;

import io.concbench.system.ProcessCpu;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a run cost besides its wall time and this process's CPU time, as its executor measured it: the time
 * of each {@link Phase}, and the CPU time and largest peak memory of the child processes it started (which
 * this process's own figures do not include). In-process executors have none ({@link #NONE}).
 *
 * @param phaseMillis the phases the executor timed, in milliseconds; the others are absent
 * @param childCpu the children's CPU time during the run, empty when the executor started none or could not
 *     learn it (then the run counts this process's own CPU time alone)
 * @param childRssPeakBytes the largest peak resident memory of any child while it was alive, empty when
 *     there was none or it could not be read
 * @param cluster the cluster executor's retries and members; null for every other executor
 */
public record RunCosts(Map<Phase, Double> phaseMillis, Optional<ProcessCpu> childCpu,
    OptionalLong childRssPeakBytes, ClusterFigures cluster) {

  public static final RunCosts NONE = new RunCosts(Map.of(), Optional.empty(), OptionalLong.empty());

  /** Costs without cluster figures. */
  public RunCosts(Map<Phase, Double> phaseMillis, Optional<ProcessCpu> childCpu, OptionalLong childRssPeakBytes) {
    this(phaseMillis, childCpu, childRssPeakBytes, null);
  }

  public RunCosts {
    EnumMap<Phase, Double> copy = new EnumMap<>(Phase.class);
    copy.putAll(phaseMillis);
    phaseMillis = Collections.unmodifiableMap(copy);
  }

  /** The phase's time in milliseconds, if the executor timed it. */
  public Optional<Double> millis(Phase phase) {
    return Optional.ofNullable(phaseMillis.get(phase));
  }
}
