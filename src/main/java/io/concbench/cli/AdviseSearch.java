package io.concbench.cli;

import io.concbench.advise.AdviceWriter;
import io.concbench.advise.AdviceWriter.Evidence;
import io.concbench.advise.Calibration;
import io.concbench.advise.Candidate;
import io.concbench.advise.CandidateRules;
import io.concbench.advise.CandidateRules.NotTried;
import io.concbench.advise.RoundSize;
import io.concbench.advise.SuccessiveHalving;
import io.concbench.advise.TimeBudget;
import io.concbench.capacity.ThreadCapacityProbe;
import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkEngine;
import io.concbench.engine.BenchmarkEngine.Measurement;
import io.concbench.engine.Cancellation;
import io.concbench.engine.Clock;
import io.concbench.engine.ResultAssembler;
import io.concbench.engine.RunSample;
import io.concbench.executor.Executor;
import io.concbench.executor.Phase;
import io.concbench.registry.ExecutorRegistry;
import io.concbench.result.Advice;
import io.concbench.result.Result;
import io.concbench.stats.Scalings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What {@code advise} measures, in order: the calibration, the candidates it points at, then interleaved
 * rounds over the survivors (the engine's groups, as {@code matrix} runs them, capacity probed as
 * {@code run} probes it; each survivor run several times in a round when its runs are short, {@link RoundSize}),
 * pruned after rungs of rounds by {@link SuccessiveHalving}, until one candidate stands,
 * every survivor has {@link #MAX_ROUNDS} and is tied with the best (twice as many when undecided),
 * or the next round would pass {@code --max-time}. Everything measured
 * is kept: an interruption leaves the results and the advice of the rounds completed.
 */
final class AdviseSearch {

  /**
   * Rounds after which survivors within noise of each other are settled; undecided ones get up to twice
   * as many ({@link SuccessiveHalving#settled}).
   */
  static final int MAX_ROUNDS = 6;
  /** Rounds between two prunings after the first {@link SuccessiveHalving#MIN_ROUNDS}. */
  static final int RUNG_ROUNDS = 2;
  /** The calibration's runs last about this long each. */
  static final double CALIBRATION_MS = 200;
  /** One thread is measured in full only if a run takes at most this long (and a 20th of --max-time). */
  static final double MAX_REFERENCE_MS = 5000;

  private final Plans.AdvisePlan plan;
  private final BenchmarkEngine engine;
  private final ResultAssembler assembler;
  private final Clock clock;
  private final long maxNanos;
  private final BenchmarkSession session;
  private final int processors = Runtime.getRuntime().availableProcessors();

  private long started;
  private int step;
  private Calibration calibration;
  private boolean referenceEstimated;
  private double referenceWallNanos;
  /** True once the reference, dropped, is no longer measured: {@link #referenceWallNanos} is its median. */
  private boolean referenceFrozen;
  private Candidate reference;
  private SuccessiveHalving halving;
  private final List<NotTried> notTried = new ArrayList<>();
  private final Map<Candidate, BenchmarkCase> cases = new LinkedHashMap<>();
  private final Map<Candidate, List<Measurement>> measured = new LinkedHashMap<>();
  private List<Result> results = List.of();
  private Map<Candidate, Evidence> evidence = Map.of();
  /** True once a step was not started because it would have passed --max-time. */
  private boolean stoppedForTime;
  /** Why a candidate whose run is too long for --max-time is not tried: the start of that reason. */
  private static final String OVER_BUDGET = "a run would take";
  /** The shortest run of a candidate not tried for --max-time; MAX_VALUE if none. */
  private double shortestRefusedMs = Double.MAX_VALUE;
  /** The round not started for time: about how long it would have taken; NaN while none was refused. */
  private double nextStepMs = Double.NaN;
  /** The longest calibration step so far: the next one is judged by it. */
  private long longestCalibrationNanos;
  /** Judges whether the next round fits in what is left of --max-time. */
  private TimeBudget budget;

  AdviseSearch(Plans.AdvisePlan plan, BenchmarkEngine engine, ResultAssembler assembler, Services services,
      long maxNanos, BenchmarkSession session) {
    this.plan = plan;
    this.engine = engine;
    this.assembler = assembler;
    this.clock = services.clock();
    this.maxNanos = maxNanos;
    this.session = session;
  }

  /** Calibrates and searches; returns true if the user interrupted (what was measured is kept). */
  boolean run() {
    started = clock.nanoTime();
    budget = new TimeBudget(started, maxNanos);
    try {
      calibrate();
      propose();
      search();
      return false;
    } catch (OutOfTime e) {
      stoppedForTime = true;
      return false;
    } catch (Cancellation.CancelledException | InterruptedException e) {
      return true;
    } finally {
      assemble();
    }
  }

  /** The calibration could not finish within --max-time: there is no advice. */
  private static final class OutOfTime extends Exception {
    OutOfTime() {
      super(null, null, false, false);
    }
  }

  /** True if a step of about this long, started now, would end within --max-time. */
  private boolean fits(double nanos) {
    return budget.fits(clock.nanoTime(), nanos);
  }

  List<Result> results() {
    return results;
  }

  /** The advice from what was measured; {@code complete} false when interrupted. */
  Advice advice(boolean complete) {
    double elapsedMs = (clock.nanoTime() - started) / 1e6;
    if (calibration == null || halving == null) {
      String why = stoppedForTime ? "stopped for time during the calibration (its next step would pass "
          + "--max-time): no advice; give a longer --max-time" : "interrupted during the calibration: no advice";
      return new Advice(why, null, null, null, false, List.of(), null, null, null, elapsedMs, maxNanos / 1e6,
          complete && stoppedForTime, stoppedForTime);
    }
    Advice written = AdviceWriter.write(new AdviceWriter.Inputs(plan.choice().workload().name(), calibration,
        referenceEstimated, halving, notTried, evidence, elapsedMs, maxNanos / 1e6, complete, stoppedForTime,
        nextStepMs));
    if (written.picked() == null && halving.standings().isEmpty() && shortestRefusedMs < Double.MAX_VALUE) {
      // Rounds of several runs must fit: a run may take a 20th of --max-time (at most 5 s).
      String why = String.format(java.util.Locale.ROOT, "stopped for time before any candidate was measured: "
          + "every candidate's run would take longer than a 20th of --max-time (the shortest about %s): no "
          + "advice; give --max-time %s or more", AdviceWriter.millis(shortestRefusedMs),
          AdviceWriter.seconds(Math.max(elapsedMs, 0) + 20 * shortestRefusedMs));
      written = new Advice(why, null, null, null, false, written.candidates(), written.calibration(),
          written.crossovers(), written.gilModel(), written.elapsedMs(), written.maxTimeMs(), written.complete(),
          true);
    }
    return written;
  }

  // The calibration ------------------------------------------------------------------------------

  private void calibrate() throws InterruptedException, OutOfTime {
    int tasks = plan.choice().tasks();
    boolean counter = plan.choice().workload().usesCounter();
    String guard = counter ? "synchronized" : null;
    Candidate single = new Candidate(Candidate.SINGLE, 1, 0, guard, "calibration");
    // Two tasks, only to size the runs that follow (the engine warms the kernel's JIT first).
    int first = Math.min(tasks, 2);
    List<RunSample> probe = measure(AdviseCommand.caseOf(single, plan.choice(), first, plan.settings()), 0, 1);
    double perTaskMs = probe.get(0).wallNanos() / 1e6 / first;
    int n = (int) Math.max(1, Math.min(tasks, Math.ceil(CALIBRATION_MS / Math.max(perTaskMs, 1e-6))));
    // Tasks of seconds (a slow command) are timed once: three runs would cost more than they tell.
    int calibrationRuns = perTaskMs > 1000 ? 1 : 3;
    requireTime(calibrationRuns * perTaskMs * n * 1e6);
    List<RunSample> runs = new ArrayList<>(measure(AdviseCommand.caseOf(single, plan.choice(), n,
        plan.settings()), 0, calibrationRuns));
    // The two-task probe ran cold: runs much shorter than meant are resized once from a warm figure.
    int warmSized = (int) Math.max(1, Math.min(tasks, Math.ceil(CALIBRATION_MS
        / Math.max(AdviseCommand.median(runs, RunSample::wallNanos) / 1e6 / n, 1e-6))));
    if (warmSized > 2 * n && fits(3 * longestRun(runs) * warmSized / n)) {
      n = warmSized;
      runs = new ArrayList<>(measure(AdviseCommand.caseOf(single, plan.choice(), n, plan.settings()), 0, 3));
    }
    // Process CPU time comes in 10 ms ticks: short runs are repeated to about 600 ms in all, in one step
    // (each step binds and warms the kernel again, which for tiny tasks costs more than their runs).
    double soFar = runs.stream().mapToLong(RunSample::wallNanos).sum();
    int more = (int) Math.min(50 - runs.size(), Math.ceil((600e6 - soFar) / Math.max(1, longestRun(runs))));
    if (perTaskMs <= 1000 && more > 0 && fits(Math.max(longestCalibrationNanos, more * longestRun(runs)))) {
      runs.addAll(measure(AdviseCommand.caseOf(single, plan.choice(), n, plan.settings()), 0, more));
    }
    double wallNanos = AdviseCommand.median(runs, RunSample::wallNanos);
    double taskMs = wallNanos / 1e6 / n;
    List<RunSample> withCpu = runs.stream().filter(r -> r.cpu().totalNanos() >= 0).toList();
    // Unknown CPU time counts as computing: the rules then try what suits CPU-bound work.
    double cpuShare = withCpu.isEmpty() ? 1 : Math.min(1, withCpu.stream().mapToDouble(r -> r.cpu().totalNanos())
        .sum() / withCpu.stream().mapToDouble(RunSample::wallNanos).sum());
    long probeStart = clock.nanoTime();
    double capacity = probeCapacity();
    // Every round probes the capacity once: until a round is timed, the probes' time stands for it (a
    // probe's time varies with the load, and one round's warm-up binds the kernel again).
    budget.overheadAtLeast(clock.nanoTime() - probeStart);
    boolean processes = !counter && !plan.choice().workload().startsProcesses() && processors >= 2
        && allowed(Candidate.PROCESS_POOL);
    Double poolStartMs = null;
    Double dispatchMs = null;
    // Waiting work: the rules will not try processes, so their start and dispatch are not measured.
    if (processes && CandidateRules.processesWorthCalibrating(taskMs, cpuShare)) {
      int workers = Math.min(processors, tasks);
      int m = (int) Math.max(Math.min(tasks, 2 * workers), Math.min(Math.min(tasks, 2000),
          Math.ceil(CALIBRATION_MS / Math.max(taskMs, 1e-6))));
      // A pool's start is about a second on a loaded machine, its runs the tasks' time over its workers.
      double poolNanos = Math.max(longestCalibrationNanos, 1e9 + taskMs * 1e6 * m / workers);
      if (fits(poolNanos)) {
        Candidate pool = new Candidate(Candidate.PROCESS_POOL, workers, 1, null, "calibration");
        // One run: a pool's start is the dearest thing advise measures, and one start and m trips suffice.
        List<RunSample> poolRuns = measure(AdviseCommand.caseOf(pool, plan.choice(), m, plan.settings()), 0, 1);
        poolStartMs = AdviseCommand.phaseMedian(poolRuns, Phase.POOL_START);
        dispatchMs = AdviseCommand.phaseMedian(poolRuns, Phase.IPC);
      } else {
        processes = false;
        notTried.add(new NotTried(new Candidate(Candidate.PROCESS_POOL, workers, 0, null, "calibration"),
            "no time left within --max-time to calibrate a process pool's start and dispatch"));
      }
    }
    Executor perTask = ExecutorRegistry.find(Candidate.THREAD_PER_TASK).orElseThrow();
    boolean virtual = ExecutorRegistry.find(Candidate.VIRTUAL).map(e -> e.unavailableReason().isEmpty())
        .orElse(false) && allowed(Candidate.VIRTUAL);
    calibration = new Calibration(taskMs, cpuShare, capacity, processors, tasks, poolStartMs, dispatchMs, virtual,
        processes, counter, perTask.traits().maxTasks());
    double fullMs = taskMs * tasks;
    referenceEstimated = fullMs > runBudgetMs();
    referenceWallNanos = fullMs * 1e6;
  }

  /**
   * The capacity for the processors, as run probes it for threads: the median of up to three probes, each
   * started only if it fits, judged by the longest probe so far (the first by the longest step so far).
   */
  private double probeCapacity() throws InterruptedException, OutOfTime {
    if (processors < 2) {
      return 1;
    }
    List<Double> probes = new ArrayList<>();
    long longest = 0;
    try (ThreadCapacityProbe probe = new ThreadCapacityProbe()) {
      for (int i = 0; i < 3; i++) {
        if (!fits(probes.isEmpty() ? longestCalibrationNanos : longest)) {
          break;
        }
        long start = clock.nanoTime();
        probes.add(probe.measure(processors));
        longest = Math.max(longest, clock.nanoTime() - start);
      }
    }
    if (probes.isEmpty()) {
      throw new OutOfTime();
    }
    return AdviseCommand.median(probes);
  }

  private static double longestRun(List<RunSample> runs) {
    return runs.stream().mapToLong(RunSample::wallNanos).max().orElse(0);
  }

  /** Stops the calibration if a step of about this long (or the longest so far) would pass --max-time. */
  private void requireTime(double nanos) throws OutOfTime {
    if (!fits(Math.max(nanos, longestCalibrationNanos))) {
      throw new OutOfTime();
    }
  }

  /** The calibration's runs of one case: its measured samples. */
  private List<RunSample> measure(BenchmarkCase c, int warmup, int runs) throws InterruptedException {
    List<Measurement> got = new ArrayList<>();
    long start = clock.nanoTime();
    engine.runGroup(List.of(c), warmup, runs, step, step + warmup + runs, got::add);
    longestCalibrationNanos = Math.max(longestCalibrationNanos, clock.nanoTime() - start);
    step += warmup + runs;
    return got.get(0).runs();
  }

  /** The longest run a candidate may take: a 20th of --max-time, at most 5 s, so that rounds fit. */
  private double runBudgetMs() {
    return Math.min(MAX_REFERENCE_MS, maxNanos / 1e6 / 20);
  }

  private boolean allowed(String executor) {
    return plan.allowed().isEmpty() || plan.allowed().stream().anyMatch(e -> e.name().equals(executor));
  }

  // The candidates -------------------------------------------------------------------------------

  private void propose() {
    CandidateRules.Proposal proposal = CandidateRules.propose(calibration, !referenceEstimated);
    notTried.addAll(proposal.notTried());
    List<Candidate> candidates = new ArrayList<>();
    for (Candidate c : new LinkedHashSet<>(proposal.candidates())) {
      String refused = refusal(c);
      if (refused != null) {
        notTried.add(new NotTried(c, refused));
        if (refused.startsWith(OVER_BUDGET)) {
          shortestRefusedMs = Math.min(shortestRefusedMs, calibration.estimatedRunMs(c));
        }
      } else if (candidates.stream().noneMatch(other -> sameCase(other, c))) {
        candidates.add(c);
      }
    }
    for (Candidate c : candidates) {
      cases.put(c, AdviseCommand.caseOf(c, plan.choice(), plan.choice().tasks(), plan.settings()));
    }
    reference = candidates.stream().filter(c -> c.executor().equals(Candidate.SINGLE)).findFirst().orElse(null);
    halving = new SuccessiveHalving(candidates, MAX_ROUNDS, processors);
    if (candidates.isEmpty() && shortestRefusedMs < Double.MAX_VALUE) {
      stoppedForTime = true; // every candidate's run is too long for rounds to fit in --max-time
    }
  }

  private static boolean sameCase(Candidate a, Candidate b) {
    return a.executor().equals(b.executor()) && a.workers() == b.workers() && a.chunksize() == b.chunksize()
        && java.util.Objects.equals(a.guard(), b.guard());
  }

  /** Why a candidate cannot be measured here, or null. */
  private String refusal(Candidate c) {
    if (!c.executor().equals(Candidate.SINGLE) && !allowed(c.executor())) {
      return "not among --executor";
    }
    Executor executor = ExecutorRegistry.find(c.executor()).orElseThrow();
    if (executor.unavailableReason().isPresent()) {
      return executor.unavailableReason().get();
    }
    int max = executor.traits().maxTasks();
    if (max > 0 && plan.choice().tasks() > max) {
      return "it takes at most " + max + " tasks";
    }
    if (c.inOtherProcesses() && c.workers() > Plans.MAX_PROCESS_WORKERS) {
      return "more than " + Plans.MAX_PROCESS_WORKERS + " worker JVMs";
    }
    if (c.workers() > SelectionOptions.MAX_WORKERS) {
      return "more than " + SelectionOptions.MAX_WORKERS + " workers";
    }
    double runMs = calibration.estimatedRunMs(c);
    if (runMs > runBudgetMs()) {
      return String.format(java.util.Locale.ROOT, OVER_BUDGET + " about %.1f s, over the %.1f s a run may take "
          + "within --max-time; expect at most %.2fx", runMs / 1000, runBudgetMs() / 1000,
          calibration.taskMs() * calibration.tasks() / runMs);
    }
    return null;
  }

  // The search -----------------------------------------------------------------------------------

  /**
   * One round at a time, so that --max-time is a real bound: a round starts only if it fits in what is
   * left, judged by each case's longest run so far and the longest overhead of a round (before the first,
   * by the calibration's estimates). Survivors are pruned after {@link SuccessiveHalving#MIN_ROUNDS}
   * rounds and after every {@link #RUNG_ROUNDS} more.
   */
  private void search() throws InterruptedException {
    int roundsSoFar = 0;
    while (!halving.settled() && roundsSoFar < halving.mostRounds()) {
      List<Candidate> survivors = halving.survivors();
      List<Candidate> group = new ArrayList<>();
      if (reference != null && survivors.contains(reference)) {
        group.add(reference); // first: the reference of every round while it stands
      } else if (reference != null && !referenceFrozen) {
        // Dropped, clearly slower than the best: its median wall time stands for it from now on, which
        // spares the slowest case of every round (one thread's run is often the longest).
        referenceWallNanos = AdviseCommand.median(merged(reference).runs(), RunSample::wallNanos);
        referenceFrozen = true;
      }
      survivors.stream().filter(c -> c != reference).forEach(group::add);
      int warmup = roundsSoFar == 0 ? 1 : 0;
      // Longer rounds only as far as the rounds to the next verdict at that length, and those after it
      // to the most rounds at one run each, fit: so that lengthening never costs the rounds that decide.
      int runs = RoundSize.runs(roundsSoFar, MAX_ROUNDS, halving.mostRounds(), shortestRunMs(survivors),
          r -> budget.roundNanos(group, 0, r, calibration), this::fits);
      double roundNanos = budget.roundNanos(group, warmup, runs, calibration);
      if (!fits(roundNanos)) {
        stoppedForTime = true;
        nextStepMs = roundNanos / 1e6;
        break;
      }
      List<BenchmarkCase> groupCases = group.stream().map(cases::get).toList();
      Map<BenchmarkCase, Measurement> got = new LinkedHashMap<>();
      Consumer<Measurement> keep = m -> got.put(m.benchmarkCase(), m);
      long roundStart = clock.nanoTime();
      int recorded = 0;
      try {
        engine.runGroup(groupCases, warmup, runs, step, step + groupCases.size() * (warmup + runs), keep);
      } finally {
        step += groupCases.size() * (warmup + runs);
        recorded = record(group, got);
        roundsSoFar += recorded;
      }
      if (recorded > 0) {
        learnRound(group, got, warmup, clock.nanoTime() - roundStart);
      }
      if (roundsSoFar >= SuccessiveHalving.MIN_ROUNDS
          && (roundsSoFar - SuccessiveHalving.MIN_ROUNDS) % RUNG_ROUNDS == 0) {
        halving.prune();
      }
      assemble();
      session.advice(advice(false));
      session.save(results, Scalings.of(results), false);
    }
  }

  /** Tells the budget each case's runs of a round and how long the round took. */
  private void learnRound(List<Candidate> group, Map<BenchmarkCase, Measurement> got, int warmup, long nanos) {
    Map<Candidate, List<Long>> runs = new LinkedHashMap<>();
    for (Candidate c : group) {
      Measurement m = got.get(cases.get(c));
      if (m != null) {
        runs.put(c, m.runs().stream().map(RunSample::wallNanos).toList());
      }
    }
    budget.learnRound(runs, warmup, nanos);
  }

  /**
   * The median run so far of the shortest-running survivor (before its first round, the calibration's
   * estimate): what {@link RoundSize} sizes a round by.
   */
  private double shortestRunMs(List<Candidate> survivors) {
    return survivors.stream().mapToDouble(c -> measured.containsKey(c)
        ? AdviseCommand.median(merged(c).runs(), RunSample::wallNanos) / 1e6
        : calibration.estimatedRunMs(c)).min().orElse(Double.NaN);
  }

  /**
   * Adds a round's measurements and its figure for each survivor: the median over the round's runs of the
   * reference's wall time in that run over the candidate's (when the reference is not measured, the
   * estimate of one thread, or its median once it was dropped). Returns 1 if the round was recorded (a run
   * that every case completed; an interrupted round counts the runs it completed), else 0.
   */
  private int record(List<Candidate> group, Map<BenchmarkCase, Measurement> got) {
    int passes = group.stream().mapToInt(c -> got.containsKey(cases.get(c))
        ? got.get(cases.get(c)).runs().size() : 0).min().orElse(0);
    if (passes == 0) {
      return 0;
    }
    List<Candidate> standing = halving.survivors();
    Measurement ref = reference == null ? null : got.get(cases.get(reference));
    if (ref != null && ref.runs().size() < passes) {
      ref = null; // not measured in this rung
    }
    for (Candidate c : group) {
      Measurement m = got.get(cases.get(c));
      measured.computeIfAbsent(c, k -> new ArrayList<>()).add(trimmed(m, passes));
      if (!standing.contains(c)) {
        continue;
      }
      halving.record(c, RoundSize.figure(ref == null ? null : walls(ref, passes), referenceWallNanos,
          walls(m, passes)));
    }
    return 1;
  }

  private static List<Long> walls(Measurement m, int passes) {
    return m.runs().subList(0, passes).stream().map(RunSample::wallNanos).toList();
  }

  private static Measurement trimmed(Measurement m, int rounds) {
    if (m.runs().size() == rounds) {
      return m;
    }
    return new Measurement(m.benchmarkCase(), m.runs().subList(0, rounds), m.latencyNanos(),
        m.capacity().subList(0, Math.min(rounds, m.capacity().size())), m.capacityMethod(), m.capacityK(),
        m.backgroundLoad());
  }

  // The results ----------------------------------------------------------------------------------

  /** Every measured candidate's rungs as one result, against the reference where it was measured. */
  private void assemble() {
    Measurement ref = reference == null || !measured.containsKey(reference) ? null : merged(reference);
    List<Result> assembled = new ArrayList<>();
    Map<Candidate, Evidence> found = new LinkedHashMap<>();
    measured.forEach((c, parts) -> {
      Result r = assembler.assemble(merged(c), ref);
      assembled.add(r);
      found.put(c, evidenceOf(c, r));
    });
    results = List.copyOf(assembled);
    evidence = found;
  }

  private Evidence evidenceOf(Candidate c, Result r) {
    Result.Capacity cap = r.capacity();
    Double efficiency = null;
    String against = null;
    if (cap.efficiencyVsBound() != null) {
      efficiency = cap.efficiencyVsBound();
      against = "bound";
    } else if (cap.efficiencyVsCapacity() != null) {
      efficiency = cap.efficiencyVsCapacity();
      against = "capacity";
    } else if (referenceEstimated && plan.choice().workload().boundByCores() && calibration.capacity() > 1
        && !c.executor().equals(Candidate.SINGLE)) {
      SuccessiveHalving.Standing s = halving.standings().stream().filter(x -> x.candidate() == c).findFirst()
          .orElse(null);
      if (s != null && !s.speedups().isEmpty()) {
        efficiency = s.median() / calibration.capacity();
        against = "capacity";
      }
    }
    Double startup = r.phases().poolStartMs() == null ? null : r.phases().poolStartMs().median();
    return new Evidence(efficiency, against, startup);
  }

  private Measurement merged(Candidate c) {
    return Measurement.merged(measured.get(c));
  }
}
