package io.concbench.cli;

import io.concbench.engine.BenchmarkPlan;
import io.concbench.engine.BenchmarkPlan.WorkloadChoice;
import io.concbench.engine.RateLoad;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.ProcessSettings;
import io.concbench.plugin.WorkloadCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plans of {@code run} and {@code matrix}, made from their mixins before any work starts, and the
 * checks that span options of different mixins: a list given to {@code run}, the counter workload on a
 * process executor, an executor's task and worker caps, payloads against the wire's frame cap, a matrix's
 * baseline and size. Each mixin has checked its own options first; every refusal is a {@link UsageException}
 * naming the bad value.
 */
final class Plans {

  /** Most worker processes: each is a JVM. */
  static final int MAX_PROCESS_WORKERS = 256;
  /** Most combinations a matrix may have: beyond it, a typo in a list would mean hours of running. */
  static final int MAX_MATRIX_CASES = 1000;

  private Plans() {}

  /** The plan of a {@code run} of built-in workloads. */
  static BenchmarkPlan run(SelectionOptions selection, MeasurementOptions measurement, ProcessOptions process) {
    return run(selection, measurement, process, WorkloadCatalog.builtIn());
  }

  /** The plan of a {@code matrix} of built-in workloads. */
  static BenchmarkPlan matrix(SelectionOptions selection, MeasurementOptions measurement,
      ProcessOptions process) {
    return matrix(selection, measurement, process, WorkloadCatalog.builtIn());
  }

  /** The plan of a {@code run}: one value of each option, which {@code matrix} would sweep. */
  static BenchmarkPlan run(SelectionOptions selection, MeasurementOptions measurement, ProcessOptions process,
      WorkloadCatalog catalog) {
    return run(selection, measurement, process, new RateOptions(), catalog);
  }

  /**
   * The plan of a {@code run}, closed or at a rate. A rate run's task count comes from --duration where
   * given, and it has no baseline: its figures are against the offered rate (docs/measurement.md).
   */
  static BenchmarkPlan run(SelectionOptions selection, MeasurementOptions measurement, ProcessOptions process,
      RateOptions rateOptions, WorkloadCatalog catalog) {
    refuseList("--workers", selection.workers);
    refuseList("--chunksize", process.chunksize);
    selection.refuseParamLists();
    RateLoad rate = null;
    if (rateOptions.given()) {
      // A missing --executor is reported by checked(), below.
      rate = rateOptions.load(selection.tasks != null, selection.typed("--baseline"),
          selection.executors() == null ? List.of() : selection.executors(), process.chunksizes());
      Integer tasks = rateOptions.tasksOfDuration();
      if (tasks != null) {
        selection.tasks = tasks;
      }
      selection.baseline = null;
    } else {
      rateOptions.load(false, false, List.of()); // refuses --duration and the like without --rate
    }
    List<WorkloadChoice> choices = checked(selection, measurement, process);
    return BenchmarkPlan.of(choices, selection.executors(), selection.guards(),
        settings(selection, measurement, process, catalog), selection.baseline(), measurement.warmup(),
        measurement.runs(), rate);
  }

  /**
   * The plan of a {@code matrix}: every combination of the listed values in one interleaved group, checked
   * like {@link #run}, each value of a list on its own.
   */
  static BenchmarkPlan matrix(SelectionOptions selection, MeasurementOptions measurement,
      ProcessOptions process, WorkloadCatalog catalog) {
    return matrix(selection, measurement, process, new RateOptions(), catalog);
  }

  /**
   * The plan of a {@code matrix}, closed or at each of a list of rates: every combination at every rate
   * (each rate's task count from --duration where given), no baseline.
   */
  static BenchmarkPlan matrix(SelectionOptions selection, MeasurementOptions measurement,
      ProcessOptions process, RateOptions rateOptions, WorkloadCatalog catalog) {
    List<RateLoad> rates = rateOptions.loads(selection.tasks != null, selection.typed("--baseline"),
        selection.executors() == null ? List.of() : selection.executors(), process.chunksizes());
    List<Integer> rateTasks = new ArrayList<>();
    if (!rates.isEmpty()) {
      for (RateLoad rate : rates) {
        rateTasks.add(rateOptions.tasksOfDuration(rate.perSecond()));
      }
      if (rateTasks.get(0) != null) {
        // Checked below at the largest count a rate gives (task caps, workers against tasks).
        selection.tasks = rateTasks.stream().max(Integer::compare).orElseThrow();
      }
      selection.baseline = null;
    }
    List<WorkloadChoice> choices = checked(selection, measurement, process);
    Executor baseline = selection.baseline();
    boolean sweepsWorkers = selection.workerCounts().size() > 1;
    boolean sweepsChunks = process.chunksizes().size() > 1;
    if (baseline != null && (baseline.traits().parallel() && sweepsWorkers
        || baseline.traits().takesChunksize() && sweepsChunks)) {
      throw new UsageException("invalid value for --baseline: '" + baseline.name() + "' (matrix sweeps its "
          + (baseline.traits().parallel() && sweepsWorkers ? "--workers" : "--chunksize")
          + "; a baseline is measured once: use single or none)");
    }
    BenchmarkPlan plan = BenchmarkPlan.matrix(choices, selection.executors(), selection.guards(),
        selection.workerCounts(), process.chunksizes(), settings(selection, measurement, process, catalog), baseline,
        measurement.warmup(), measurement.runs(), rates, rateTasks);
    int cases = plan.groups().get(0).size();
    if (cases > MAX_MATRIX_CASES) {
      throw new UsageException(String.format(Locale.ROOT, "the matrix has %d combinations (at most %d): "
          + "shorten a list of --workload, --executor, --workers, --guard, --chunksize, --param or --rate", cases,
          MAX_MATRIX_CASES));
    }
    return plan;
  }

  /**
   * What {@code advise} measures: one workload choice, checked as {@code run} checks it on one thread, the
   * settings its candidates start from, and the executors it may try (those given, or every available one).
   * The options advise chooses itself are refused when typed.
   */
  record AdvisePlan(WorkloadChoice choice, ExecutorSettings settings, List<Executor> allowed) {}

  static AdvisePlan advise(SelectionOptions selection, MeasurementOptions measurement, ProcessOptions process,
      WorkloadCatalog catalog) {
    for (String chosen : List.of("--workers", "--baseline", "--guard")) {
      if (selection.typed(chosen)) {
        throw new UsageException(chosen + " is what advise chooses: leave it out (give --executor to limit "
            + "what it tries)");
      }
    }
    if (process.chunksize != null) {
      throw new UsageException("--chunksize is what advise chooses: leave it out");
    }
    List<Executor> allowed = selection.executors == null ? List.of() : List.copyOf(selection.executors);
    for (Executor executor : allowed) {
      if (executor.unavailableReason().isPresent()) {
        throw UsageException.invalid("--executor", executor.name(), executor.unavailableReason().get());
      }
    }
    if (selection.workloads != null && selection.workloads.stream().distinct().count() > 1) {
      throw UsageException.invalid("--workload", String.join(",", selection.workloads.stream()
          .map(w -> w.name()).toList()), "advise takes one workload");
    }
    selection.refuseParamLists();
    // The workload's own checks, as one thread would run it; the candidates are checked as they are made.
    selection.executors = List.of(io.concbench.registry.ExecutorRegistry.find("single").orElseThrow());
    List<WorkloadChoice> choices = checked(selection, measurement, process);
    return new AdvisePlan(choices.get(0), settings(selection, measurement, process, catalog), allowed);
  }

  /** Each mixin's own checks, then those across them; the workload choices. */
  private static List<WorkloadChoice> checked(SelectionOptions selection, MeasurementOptions measurement,
      ProcessOptions process) {
    selection.validate();
    measurement.validate();
    process.validate();
    selection.commandTimeout = process.taskTimeout();
    List<WorkloadChoice> choices = selection.choices();
    for (WorkloadChoice choice : choices) {
      for (Executor executor : selection.executors()) {
        requireTaskCap(executor, choice, selection.tasks != null);
        if (choice.workload().startsProcesses()) {
          refuseForCommands(executor);
        }
        // Each worker JVM would count into a counter of its own: lost updates could not be seen, and an
        // empty count would read as "nothing lost" (found by the process-executors branch).
        if (choice.workload().usesCounter() && executor.traits().inOtherProcesses()) {
          throw UsageException.invalid("--executor", executor.name(), "the counter workload shares one counter "
              + "between threads; " + executor.name() + " runs tasks in separate JVMs");
        }
      }
    }
    requireGuardUsed(selection, choices);
    refuseWhatClusterLacks(selection, process);
    RemoteClusterOptions.check(selection, process);
    if (selection.executors().stream().anyMatch(e -> e.traits().inOtherProcesses())) {
      for (int count : selection.workerCounts()) {
        UsageException.requireRange("--workers", count, 1, MAX_PROCESS_WORKERS);
      }
    }
    requireWorkForWorkers(selection, choices);
    requireFramesFit(choices, selection.workerCounts(), process);
    return choices;
  }

  /**
   * Refuses a --guard the user typed when no case uses the shared counter: it would be dropped without a
   * word, and a reader of the command line would think the guard was measured.
   */
  private static void requireGuardUsed(SelectionOptions selection, List<WorkloadChoice> choices) {
    if (!selection.typed("--guard")) {
      return;
    }
    boolean used = choices.stream().anyMatch(c -> c.workload().usesCounter())
        || selection.executors().stream().anyMatch(e -> e.traits().usesGuard());
    if (!used) {
      throw UsageException.invalid("--guard", String.join(",", selection.guards().stream().map(g -> g.label())
          .toList()), "no case uses the shared counter: --guard applies to the counter workload and the lock "
          + "executor");
    }
  }

  /**
   * Refuses more workers than tasks on an executor whose --workers sets its threads, when the user typed
   * either count: the extra workers idle, and efficiency (speedup per worker) would blame the executor for
   * them. Where both are defaults (processors against the workload's task count) the result is measured and
   * warned about instead ({@code warning.MoreWorkersThanTasks}): nothing the user typed is wrong.
   */
  private static void requireWorkForWorkers(SelectionOptions selection, List<WorkloadChoice> choices) {
    boolean workersTyped = selection.typed("--workers");
    boolean tasksTyped = selection.typed("--tasks");
    if (!workersTyped && !tasksTyped) {
      return;
    }
    Executor parallel = selection.executors().stream().filter(e -> e.traits().parallel()).findFirst().orElse(null);
    if (parallel == null) {
      return;
    }
    for (WorkloadChoice choice : choices) {
      for (int workers : selection.workerCounts()) {
        if (workers <= choice.tasks()) {
          continue;
        }
        String tasks = plural(choice.tasks(), "task");
        if (workersTyped) {
          throw UsageException.invalid("--workers", workers, String.format(Locale.ROOT, "%s runs %s%s, which "
              + "%s %d of %d %s workers nothing to do, and efficiency would count them against it; pass "
              + "--workers %d or fewer, or --tasks %d or more", choice.workload().name(), tasks,
              tasksTyped ? "" : " by default", choice.tasks() == 1 ? "leaves" : "leave", workers - choice.tasks(), workers, parallel.name(), choice.tasks(),
              workers));
        }
        throw UsageException.invalid("--tasks", choice.tasks(), String.format(Locale.ROOT, "%s has %d workers, "
            + "--workers's default (the processors), and %s %s %d of them nothing to do, which efficiency "
            + "would count against it; pass --tasks %d or more, or --workers %d", parallel.name(), workers, tasks,
            choice.tasks() == 1 ? "leaves" : "leave", workers - choice.tasks(), workers, choice.tasks()));
      }
    }
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  /** The settings of every case; worker JVMs get the jars of the plug-ins whose workloads were chosen. */
  private static ExecutorSettings settings(SelectionOptions selection, MeasurementOptions measurement,
      ProcessOptions process, WorkloadCatalog catalog) {
    ExecutorSettings settings = new ExecutorSettings(selection.workerCounts().get(0),
        measurement.switchIntervalNanos(), process.settings().withPluginJars(catalog.jarsOf(selection.workloads()))
            .withCluster(RemoteClusterOptions.target(process, catalog)));
    RemoteClusterOptions.refuseWhatExecutorsRefuse(selection.executors(), settings);
    return settings;
  }

  private static void refuseList(String option, List<Integer> values) {
    if (values != null && values.size() > 1) {
      throw new UsageException("invalid value for " + option + ": '" + String.join(",",
          values.stream().map(String::valueOf).toList()) + "' (run takes one value; sweep a list with "
          + "'concbench matrix')");
    }
  }

  /**
   * A command is already a process: a worker JVM between concbench and it adds a start-up and a hop and
   * measures nothing of the command; the lock executor guards a counter that a command never touches.
   */
  /**
   * The process options a cluster member cannot honour, refused rather than ignored: a member is not
   * replaced (no --max-tasks-per-child), and chunks carry no payload.
   */
  private static void refuseWhatClusterLacks(SelectionOptions selection, ProcessOptions process) {
    boolean cluster = false;
    for (Executor executor : selection.executors()) {
      cluster |= executor.name().equals("cluster");
    }
    if (!cluster) {
      return;
    }
    if (process.maxTasksPerChild != null) {
      throw UsageException.invalid("--max-tasks-per-child", process.maxTasksPerChild,
          "cluster does not support it: its members are not replaced");
    }
    if (process.payloadBytes > 0) {
      throw UsageException.invalid("--payload-bytes", process.payloadBytes,
          "cluster does not support it: its chunks carry no payload");
    }
  }

  private static void refuseForCommands(Executor executor) {
    if (executor.traits().inOtherProcesses()) {
      throw UsageException.invalid("--executor", executor.name(), "a command is already a process: "
          + executor.name() + " would put a JVM between concbench and it; use single, thread-per-task, "
          + "thread-pool, virtual or gil");
    }
    if (executor.traits().usesGuard()) {
      throw UsageException.invalid("--executor", executor.name(), "it guards the counter workload's shared "
          + "counter, which a command never updates; use thread-pool");
    }
  }

  /**
   * Refuses more tasks than an executor takes. A count the user did not type is the workload's default, and
   * is said to be: "invalid value for --tasks: '100000'" would name a value nobody typed.
   */
  private static void requireTaskCap(Executor executor, WorkloadChoice choice, boolean typed) {
    int max = executor.traits().maxTasks();
    if (max == 0 || choice.tasks() <= max) {
      return;
    }
    if (typed) {
      throw UsageException.invalid("--tasks", choice.tasks(), executor.name() + " starts one thread per task: at "
          + "most " + max + "; use thread-pool for more");
    }
    throw new UsageException(executor.name() + " starts one thread per task, at most " + max + ", and "
        + choice.workload().name() + " runs " + choice.tasks() + " tasks by default: pass --tasks " + max
        + " or fewer, or use thread-pool");
  }

  /** A request frame holds a chunk's payloads: refuses what could never be sent. */
  private static void requireFramesFit(List<WorkloadChoice> choices, List<Integer> workerCounts,
      ProcessOptions process) {
    int payloadBytes = process.payloadBytes();
    if (payloadBytes == 0) {
      return;
    }
    for (WorkloadChoice choice : choices) {
      for (int size : process.chunksizes()) {
        for (int count : workerCounts) {
          long chunk = size > 0 ? size : (long) Math.ceil(choice.tasks() / (4.0 * count));
          if (chunk * (payloadBytes + 16L) > ProcessSettings.MAX_FRAME_BYTES) {
            throw UsageException.invalid("--payload-bytes", payloadBytes, String.format(Locale.ROOT,
                "a chunk of %d tasks would exceed the %d-byte frame cap; lower --chunksize", chunk,
                ProcessSettings.MAX_FRAME_BYTES));
          }
        }
      }
    }
  }
}
