package io.concbench.result;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.concbench.system.BackgroundLoad;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One measured case: a workload on an executor, its figures grouped by what they are about. In JSON a result
 * is one flat object whose fields are those of the groups, in the order docs/json-schema.md documents
 * ({@link ResultJson} writes and reads it); the groups' components carry the JSON fields' names, except
 * {@link Capacity#probe}, which is {@code capacity}. A figure that does not apply or could not be measured
 * is null, as in the JSON.
 *
 * @param backgroundLoad what else used the CPUs over the result's group of measured rounds (null where /proc
 *     cannot be read, and in reports written before it was added)
 * @param warnings what makes these figures doubtful, in the order the rules that found them run
 * @param warningRules the name of the rule behind each warning, in the same order (empty in reports written
 *     before it was added, whose warnings are then shown one by one)
 * @param rate a rate run's offered and achieved rate and its latencies from the intended release; null for a
 *     closed run
 * @param cluster the cluster executor's start-up, retries and members; null for every other executor
 */
@JsonSerialize(converter = ResultJson.FromResult.class)
@JsonDeserialize(converter = ResultJson.ToResult.class)
public record Result(
    Case benchmarkCase,
    Timing timing,
    Comparison comparison,
    Outcome outcome,
    ProcessPhases phases,
    Capacity capacity,
    Memory memory,
    BackgroundLoad backgroundLoad,
    List<String> warnings,
    List<String> warningRules,
    RateSummary rate,
    ClusterSummary cluster) {

  /** A result of any executor but cluster. */
  public Result(Case benchmarkCase, Timing timing, Comparison comparison, Outcome outcome, ProcessPhases phases,
      Capacity capacity, Memory memory, BackgroundLoad backgroundLoad, List<String> warnings,
      List<String> warningRules, RateSummary rate) {
    this(benchmarkCase, timing, comparison, outcome, phases, capacity, memory, backgroundLoad, warnings,
        warningRules, rate, null);
  }

  /** A closed run's result. */
  public Result(Case benchmarkCase, Timing timing, Comparison comparison, Outcome outcome, ProcessPhases phases,
      Capacity capacity, Memory memory, BackgroundLoad backgroundLoad, List<String> warnings,
      List<String> warningRules) {
    this(benchmarkCase, timing, comparison, outcome, phases, capacity, memory, backgroundLoad, warnings,
        warningRules, null);
  }

  /** A result whose warnings have no rule names: as read from an older report. */
  public Result(Case benchmarkCase, Timing timing, Comparison comparison, Outcome outcome, ProcessPhases phases,
      Capacity capacity, Memory memory, BackgroundLoad backgroundLoad, List<String> warnings) {
    this(benchmarkCase, timing, comparison, outcome, phases, capacity, memory, backgroundLoad, warnings, null);
  }

  public Result {
    Objects.requireNonNull(benchmarkCase, "benchmarkCase");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(phases, "phases");
    Objects.requireNonNull(capacity, "capacity");
    Objects.requireNonNull(memory, "memory");
    warningRules = warningRules == null ? List.of() : List.copyOf(warningRules);
    if (!warningRules.isEmpty() && (warnings == null || warnings.size() != warningRules.size())) {
      throw new IllegalArgumentException("a rule name for each warning: " + warningRules + " for " + warnings);
    }
  }

  /** The same result with these warnings, whose rules are not named. */
  public Result withWarnings(List<String> warnings) {
    return withWarnings(warnings, List.of());
  }

  /** The same result with these warnings, each found by the rule of the same index in {@code rules}. */
  public Result withWarnings(List<String> warnings, List<String> rules) {
    return new Result(benchmarkCase, timing, comparison, outcome, phases, capacity, memory, backgroundLoad,
        warnings, rules, rate, cluster);
  }

  /** The same result with other rate figures (a matrix's knee added to them). */
  public Result withRate(RateSummary figures) {
    return new Result(benchmarkCase, timing, comparison, outcome, phases, capacity, memory, backgroundLoad,
        warnings, warningRules, figures);
  }

  /** The rule behind the warning at {@code index}; null where the report did not name it. */
  public String warningRule(int index) {
    return warningRules.isEmpty() ? null : warningRules.get(index);
  }

  /**
   * What was measured: what tells two results apart, and what {@code compare} pairs two reports' results by.
   *
   * @param workers threads that run tasks at once (1 for single, one per task for thread-per-task)
   * @param params every workload parameter with its value, normalised by {@link Params}
   * @param guard the counter guard, where the shared counter is involved; else null
   * @param chunksize {@code --chunksize} as given, for {@code process-pool}; null where it does not apply or
   *     the default (ceil(tasks / (4 × workers))) was used, so that a chunksize sweep's results stay apart
   */
  public record Case(
      String workload,
      String executor,
      int workers,
      int tasks,
      Map<String, Object> params,
      String guard,
      Integer chunksize) {

    public Case {
      params = Params.normalize(params);
    }
  }

  /**
   * How long the measured runs took, and what they used.
   *
   * @param runs measured runs (fewer than asked for where the run was interrupted)
   * @param cpuMs CPU time of the whole process per run; null where the JVM cannot say
   * @param userMs the user-mode part of it, null where unavailable; {@code sysMs} the kernel's
   * @param coresUsed median CPU time over median wall time: the cores busy on average
   */
  public record Timing(
      int runs,
      int warmupRuns,
      Summary wallMs,
      Summary cpuMs,
      Summary userMs,
      Summary sysMs,
      LatencySummary latencyUs,
      double throughputPerS,
      double coresUsed) {}

  /**
   * The result against its baseline; every figure null without one.
   *
   * @param baseline the executor speedups are measured against
   * @param efficiency speedup over workers
   * @param taskTimeVsBaseline the median task time over the baseline's
   */
  public record Comparison(String baseline, Double speedup, Double efficiency, Double taskTimeVsBaseline) {

    public static final Comparison NONE = new Comparison(null, null, null, null);
  }

  /**
   * What became of the tasks: failed, wrong, timed out, and the shared counter's tally.
   *
   * @param failures the first failed tasks of process executors, with their details; {@code failedTasks}
   *     has the full count, time-outs included
   * @param counter the shared counter, where {@code guard} is not null; else null
   */
  public record Outcome(
      long failedTasks,
      long unverifiedTasks,
      long timedOutTasks,
      String firstFailure,
      List<Failure> failures,
      CounterSummary counter) {

    /** Every task ran and returned the right answer; no counter involved. */
    public static final Outcome CLEAN = new Outcome(0, 0, 0, null, List.of(), null);

    /** Tasks that failed or returned a wrong result. */
    public long badTasks() {
      return failedTasks + unverifiedTasks;
    }
  }

  /**
   * The process executors' own costs per run, each null except for the executors that measure it:
   * {@code startupMs} and {@code exitMs} for {@code fork}, {@code poolStartMs} and {@code shutdownMs} for
   * {@code process-pool}, {@code computeMs} and {@code ipcMs} for both.
   */
  public record ProcessPhases(
      Summary startupMs,
      Summary computeMs,
      Summary ipcMs,
      Summary exitMs,
      Summary poolStartMs,
      Summary shutdownMs) {

    /** An in-process executor's: it has no phases. */
    public static final ProcessPhases NONE = new ProcessPhases(null, null, null, null, null, null);
  }

  /**
   * What the machine could give the result's workers, and how close the result came to it. All null
   * without a capacity probe; the bound's three figures also without a one-worker baseline, where its share
   * of a core is unknown or too coarse to use, and under the hypervisor's steal (docs/json-schema.md says
   * when exactly).
   *
   * @param probe the machine's parallel capacity over the measured rounds ({@code capacity} in JSON)
   * @param efficiencyVsCapacity the median over rounds of each round's speedup over its capacity
   * @param efficiencyVsCapacityCi how sure that median is
   * @param baselineCpuShare d, the share of a core the baseline kept busy
   * @param speedupBound the most speedup the machine's capacity allowed the work, min(workers, capacity / d)
   * @param efficiencyVsBound the result's speedup against that bound
   * @param workWaits whether the work waits as well as computes, so that the bound says more than the
   *     capacity: as the workload declares it, or measured (docs/capacity.md); null in reports written
   *     before it was recorded
   */
  public record Capacity(
      CapacitySummary probe,
      Double efficiencyVsCapacity,
      MedianInterval efficiencyVsCapacityCi,
      Double baselineCpuShare,
      Double speedupBound,
      Double efficiencyVsBound,
      Boolean workWaits) {

    /** Not probed. */
    public static final Capacity NONE = new Capacity(null, null, null, null, null, null, null);

    /**
     * Below this share of a core the baseline waited as well as computed, for reports that do not say
     * {@code work_waits}.
     */
    private static final double ALL_CPU_SHARE = 0.95;

    /**
     * Whether the bound is shown beside the capacity: for work that waits as well as computes. For all-CPU
     * work the bound is the capacity (or the workers, where a probe read more) and efficiency_vs_bound
     * repeats efficiency_vs_capacity. Decided by the work ({@code work_waits}), so that two reports of the
     * same work agree on it whatever the noise; reports written before it was recorded fall back on their
     * baseline's CPU share. Not a JSON field.
     */
    public boolean partlyWaiting() {
      if (speedupBound == null) {
        return false;
      }
      if (workWaits != null) {
        return workWaits;
      }
      return baselineCpuShare != null && baselineCpuShare < ALL_CPU_SHARE;
    }
  }

  /**
   * Peak resident memory per measured run, in MiB.
   *
   * @param rssPeakMb concbench's own; null where it cannot be read
   * @param workerRssPeakMb the largest worker's; null for in-process executors
   */
  public record Memory(Summary rssPeakMb, Summary workerRssPeakMb) {

    public static final Memory UNKNOWN = new Memory(null, null);
  }
}
