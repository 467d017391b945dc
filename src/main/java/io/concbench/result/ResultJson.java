package io.concbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.util.StdConverter;
import io.concbench.system.BackgroundLoad;
import java.util.List;
import java.util.Map;

/**
 * A result as {@code concbench/1} has it: one flat object, its fields in this order (scripts and the field
 * order of reports already written rely on both). Jackson writes and reads this record in place of
 * {@link Result}, whose groups it flattens; its components are the JSON fields, which docs/json-schema.md
 * and the shipped JSON Schema describe. Only here does the JSON's shape meet the groups'.
 */
record ResultJson(
    String workload,
    String executor,
    int workers,
    int tasks,
    Map<String, Object> params,
    String guard,
    Integer chunksize,
    int runs,
    int warmupRuns,
    Summary wallMs,
    Summary cpuMs,
    Summary userMs,
    Summary sysMs,
    LatencySummary latencyUs,
    double throughputPerS,
    double coresUsed,
    String baseline,
    Double speedup,
    Double efficiency,
    CounterSummary counter,
    long failedTasks,
    long unverifiedTasks,
    String firstFailure,
    List<String> warnings,
    Summary startupMs,
    Summary computeMs,
    Summary ipcMs,
    Summary exitMs,
    Summary poolStartMs,
    Summary shutdownMs,
    long timedOutTasks,
    List<Failure> failures,
    CapacitySummary capacity,
    Double efficiencyVsCapacity,
    MedianInterval efficiencyVsCapacityCi,
    Summary rssPeakMb,
    Summary workerRssPeakMb,
    BackgroundLoad backgroundLoad,
    Double taskTimeVsBaseline,
    Double baselineCpuShare,
    Double speedupBound,
    Double efficiencyVsBound,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean workWaits,
    // Left out when empty, unlike every other field: a report written before it (whose warnings no rule
    // names) is then written back field for field.
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warningRules,
    // Only rate runs have it: left out otherwise, so closed runs' reports stay as they were.
    @JsonInclude(JsonInclude.Include.NON_NULL) RateSummary rate,
    // Only cluster results have these three (ClusterSummary): left out otherwise.
    @JsonInclude(JsonInclude.Include.NON_NULL) Summary clusterStartMs,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long retries,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<ClusterSummary.MemberSummary> members) {

  static ResultJson of(Result r) {
    Result.Case c = r.benchmarkCase();
    Result.Timing t = r.timing();
    Result.Comparison vs = r.comparison();
    Result.Outcome o = r.outcome();
    Result.ProcessPhases p = r.phases();
    Result.Capacity cap = r.capacity();
    return new ResultJson(
        c.workload(), c.executor(), c.workers(), c.tasks(), c.params(), c.guard(), c.chunksize(),
        t.runs(), t.warmupRuns(), t.wallMs(), t.cpuMs(), t.userMs(), t.sysMs(), t.latencyUs(), t.throughputPerS(),
        t.coresUsed(),
        vs.baseline(), vs.speedup(), vs.efficiency(),
        o.counter(), o.failedTasks(), o.unverifiedTasks(), o.firstFailure(),
        r.warnings(),
        p.startupMs(), p.computeMs(), p.ipcMs(), p.exitMs(), p.poolStartMs(), p.shutdownMs(),
        o.timedOutTasks(), o.failures(),
        cap.probe(), cap.efficiencyVsCapacity(), cap.efficiencyVsCapacityCi(),
        r.memory().rssPeakMb(), r.memory().workerRssPeakMb(),
        r.backgroundLoad(),
        vs.taskTimeVsBaseline(),
        cap.baselineCpuShare(), cap.speedupBound(), cap.efficiencyVsBound(), cap.workWaits(),
        r.warningRules(), r.rate(),
        r.cluster() == null ? null : r.cluster().clusterStartMs(),
        r.cluster() == null ? null : r.cluster().retries(),
        r.cluster() == null ? null : r.cluster().members());
  }

  Result toResult() {
    return new Result(
        new Result.Case(workload, executor, workers, tasks, params, guard, chunksize),
        new Result.Timing(runs, warmupRuns, wallMs, cpuMs, userMs, sysMs, latencyUs, throughputPerS, coresUsed),
        new Result.Comparison(baseline, speedup, efficiency, taskTimeVsBaseline),
        new Result.Outcome(failedTasks, unverifiedTasks, timedOutTasks, firstFailure, failures, counter),
        new Result.ProcessPhases(startupMs, computeMs, ipcMs, exitMs, poolStartMs, shutdownMs),
        new Result.Capacity(capacity, efficiencyVsCapacity, efficiencyVsCapacityCi, baselineCpuShare, speedupBound,
            efficiencyVsBound, workWaits),
        new Result.Memory(rssPeakMb, workerRssPeakMb),
        backgroundLoad,
        warnings,
        warningRules,
        rate,
        members == null ? null
            : new ClusterSummary(clusterStartMs, retries == null ? 0 : retries, members));
  }

  /** How Jackson writes a result: as this record. */
  static final class FromResult extends StdConverter<Result, ResultJson> {
    @Override
    public ResultJson convert(Result result) {
      return of(result);
    }
  }

  /** How Jackson reads a result: as this record, then grouped. */
  static final class ToResult extends StdConverter<ResultJson, Result> {
    @Override
    public Result convert(ResultJson json) {
      return json.toResult();
    }
  }
}
