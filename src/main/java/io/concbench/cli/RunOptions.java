package io.concbench.cli;

import io.concbench.engine.BenchmarkPlan;
import io.concbench.executor.Executor;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.executor.ProcessSettings;
import io.concbench.report.ReportFormat;
import io.concbench.workload.ParamValues;
import io.concbench.workload.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The options of {@code concbench run} and {@code concbench matrix} (their names are a contract: README,
 * "Commands") and the checks that turn them into a plan before any work starts. A picocli mixin, so that
 * commands which run benchmarks share one definition of every option. {@code --workers}, {@code --chunksize}
 * and the values of {@code --param} take comma-separated lists, which only {@code matrix} sweeps: {@code run}
 * refuses them with a pointer to it, since it would otherwise have to pick one value silently.
 */
public final class RunOptions {

  static final int MAX_WORKERS = 4096;
  static final int MAX_TASKS = 10_000_000;

  @Option(names = "--workload", split = ",", paramLabel = "NAME", converter = Names.ToWorkload.class,
      completionCandidates = Names.WorkloadNames.class,
      description = "Workloads to run, comma-separated (required): ${COMPLETION-CANDIDATES}.")
  List<Workload> workloads;

  @Option(names = "--executor", split = ",", paramLabel = "NAME", converter = Names.ToExecutor.class,
      completionCandidates = Names.ExecutorNames.class,
      description = "Executors to compare, comma-separated (required): ${COMPLETION-CANDIDATES}.")
  List<Executor> executors;

  @Option(names = "--workers", split = ",", paramLabel = "N",
      description = "Threads of a parallel executor (default: available processors); matrix: a list to sweep.")
  List<Integer> workers;

  @Option(names = "--tasks", paramLabel = "N", description = "Tasks per run (default: the workload's).")
  Integer tasks;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "Workload parameter, repeatable, e.g. n=2000000 or sleep-ms=100 (see 'concbench list'); "
          + "matrix: KEY=V1,V2,... sweeps the values.")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--guard", split = ",", paramLabel = "G", defaultValue = "synchronized",
      converter = Names.ToGuard.class, completionCandidates = Names.GuardNames.class,
      description = "Guard(s) of the shared counter (counter workload, lock executor): ${COMPLETION-CANDIDATES}."
          + " A list compares them. Default: ${DEFAULT-VALUE}.")
  List<Guard> guards;

  @Option(names = "--switch-interval-ms", paramLabel = "X", defaultValue = "5",
      description = "How long the gil executor's lock is held before a hand-over. Default: ${DEFAULT-VALUE}.")
  double switchIntervalMs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Discarded warm-up runs of each case. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Measured runs of each case. Default: ${DEFAULT-VALUE}.")
  int runs;

  /** Null for {@code none}. */
  @Option(names = "--baseline", paramLabel = "NAME|none", defaultValue = "single",
      converter = Names.ToBaseline.class, completionCandidates = Names.BaselineNames.class,
      description = "Executor that speedups are measured against. Default: ${DEFAULT-VALUE}.")
  Executor baseline;

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      converter = OutputFormat.Converter.class, description = "What goes to stdout. Default: ${DEFAULT-VALUE}.")
  OutputFormat format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the JSON report to FILE, rewritten atomically as results finish.")
  Path output;

  @Option(names = "--chunksize", split = ",", paramLabel = "N",
      description = "process-pool: tasks per request frame (default: ceil(tasks / (4 x workers)), as CPython's "
          + "Pool.map); matrix: a list to sweep.")
  List<Integer> chunksize;

  @Option(names = "--payload-bytes", paramLabel = "N", defaultValue = "0",
      description = "fork, process-pool: bytes sent with each task and returned with its result. Default: ${DEFAULT-VALUE}.")
  int payloadBytes;

  @Option(names = "--max-tasks-per-child", paramLabel = "N",
      description = "process-pool: replace a worker after N tasks (CPython's maxtasksperchild). Default: never.")
  Integer maxTasksPerChild;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "1",
      description = "fork, process-pool: tries again for a task whose worker died. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--task-timeout", paramLabel = "DURATION", converter = Durations.class,
      description = "fork, process-pool: kill a worker whose task runs longer, e.g. 30s or 500ms. Default: none.")
  Duration taskTimeout;

  /** Null for the java running concbench. */
  @Option(names = "--java", paramLabel = "PATH", converter = JavaBinary.class,
      description = "fork, process-pool: java binary for workers. Default: the one running concbench.")
  String javaBinary;

  @Option(names = "--jvm-arg", paramLabel = "ARG", converter = JvmOption.class,
      description = "fork, process-pool: extra JVM option for workers, repeatable (e.g. --jvm-arg=-Xmx256m).")
  List<String> jvmArgs = new ArrayList<>();

  // The key's converter only: the file is converted as any Path is.
  @Option(names = "--export", paramLabel = "FORMAT=FILE", converter = Names.ToReportFormat.class,
      description = "Also write the report in FORMAT to FILE, repeatable, rewritten like --output "
          + "(formats: see 'concbench report --help').")
  Map<ReportFormat, Path> exports = new LinkedHashMap<>();

  @Option(names = "--capacity", paramLabel = "auto|off", defaultValue = "auto",
      converter = CapacityProbing.Converter.class,
      description = "Probe the machine's parallel capacity in every measured round of parallel cases (auto; "
          + "not for io, whose waits overlap whatever the cores), or not. Default: ${DEFAULT-VALUE}.")
  CapacityProbing capacity;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  /** Most combinations a matrix may have: beyond it, a typo in a list would mean hours of running. */
  static final int MAX_MATRIX_CASES = 1000;

  /**
   * The plan of a {@code run}: every option checked before any work starts; throws {@link UsageException}
   * naming the bad value, also for a list, which only {@code matrix} takes.
   */
  BenchmarkPlan plan() {
    refuseList("--workers", workers);
    refuseList("--chunksize", chunksize);
    params.forEach((key, value) -> {
      if (value.contains(",")) {
        throw new UsageException("invalid value for --param " + key + ": '" + value + "' (run takes one value; "
            + "sweep a list with 'concbench matrix')");
      }
    });
    Checked c = check();
    return BenchmarkPlan.of(c.choices(), c.executors(), c.guards(), c.settings(), c.baseline(), warmup, runs);
  }

  /**
   * The plan of a {@code matrix}: every combination of the listed values in one interleaved group, checked
   * like {@link #plan()}, each value of a list on its own.
   */
  BenchmarkPlan matrixPlan() {
    Checked c = check();
    boolean sweepsWorkers = c.workerCounts().size() > 1;
    boolean sweepsChunks = c.chunksizes().size() > 1;
    if (c.baseline() != null && (c.baseline().traits().parallel() && sweepsWorkers
        || c.baseline().traits().takesChunksize() && sweepsChunks)) {
      throw new UsageException("invalid value for --baseline: '" + c.baseline().name() + "' (matrix sweeps its "
          + (c.baseline().traits().parallel() && sweepsWorkers ? "--workers" : "--chunksize")
          + "; a baseline is measured once: use single or none)");
    }
    BenchmarkPlan plan = BenchmarkPlan.matrix(c.choices(), c.executors(), c.guards(), c.workerCounts(),
        c.chunksizes(), c.settings(), c.baseline(), warmup, runs);
    int cases = plan.groups().get(0).size();
    if (cases > MAX_MATRIX_CASES) {
      throw new UsageException(String.format(Locale.ROOT, "the matrix has %d combinations (at most %d): "
          + "shorten a list of --workload, --executor, --workers, --guard, --chunksize or --param", cases,
          MAX_MATRIX_CASES));
    }
    return plan;
  }

  private static void refuseList(String option, List<Integer> values) {
    if (values != null && values.size() > 1) {
      throw new UsageException("invalid value for " + option + ": '" + String.join(",",
          values.stream().map(String::valueOf).toList()) + "' (run takes one value; sweep a list with "
          + "'concbench matrix')");
    }
  }

  /**
   * Options checked and resolved: workload choices (one per workload and combination of its listed
   * parameter values), the distinct worker counts and chunksizes (0: the default) in the order given, and
   * settings holding the first of each.
   */
  private record Checked(List<BenchmarkPlan.WorkloadChoice> choices, List<Executor> executors,
      List<Guard> guards, List<Integer> workerCounts, List<Integer> chunksizes, ExecutorSettings settings,
      Executor baseline) {}

  private Checked check() {
    // Checked here rather than by picocli's "required", so that a misspelt option is reported as such.
    if (workloads == null || workloads.isEmpty()) {
      throw new UsageException("missing required option --workload (see 'concbench list')");
    }
    if (executors == null || executors.isEmpty()) {
      throw new UsageException("missing required option --executor (see 'concbench list')");
    }
    List<Workload> chosenWorkloads = workloads.stream().distinct().toList();
    List<Executor> chosenExecutors = executors;
    List<Guard> chosenGuards = guards.stream().distinct().toList();
    Executor baselineEntry = baseline;

    List<Integer> workerCounts = workers == null || workers.isEmpty()
        ? List.of(Runtime.getRuntime().availableProcessors()) : workers.stream().distinct().toList();
    for (int count : workerCounts) {
      requireRange("--workers", count, 1, MAX_WORKERS);
    }
    if (tasks != null) {
      requireRange("--tasks", tasks, 1, MAX_TASKS);
    }
    requireRange("--warmup", warmup, 0, 1000);
    requireRange("--runs", runs, 1, 10_000);
    // A lower bound of 1 us: below it the interval would round to 0 ns (found by the tests branch).
    if (!(switchIntervalMs >= 0.001 && switchIntervalMs <= 10_000)) {
      throw new UsageException("invalid value for --switch-interval-ms: '" + switchIntervalMs
          + "' (must be from 0.001 to 10000)");
    }

    for (String key : params.keySet()) {
      if (chosenWorkloads.stream().noneMatch(w -> w.takesParam(key))) {
        // Let the first workload's resolution produce the message listing the keys it takes.
        resolve(chosenWorkloads.get(0), Map.of(key, params.get(key)));
      }
    }
    List<BenchmarkPlan.WorkloadChoice> choices = new ArrayList<>();
    for (Workload workload : chosenWorkloads) {
      Map<String, List<String>> own = new LinkedHashMap<>();
      params.forEach((k, v) -> {
        if (workload.takesParam(k)) {
          List<String> values = List.of(v.split(",", -1));
          // Each value on its own, so that the message names the bad one.
          values.forEach(value -> resolve(workload, Map.of(k, value)));
          own.put(k, values);
        }
      });
      int taskCount = tasks == null ? workload.defaultTasks() : tasks;
      for (Map<String, String> combination : combinations(own)) {
        BenchmarkPlan.WorkloadChoice choice =
            new BenchmarkPlan.WorkloadChoice(workload, resolve(workload, combination), taskCount);
        if (!choices.contains(choice)) {
          choices.add(choice);
        }
      }
      for (Executor executor : chosenExecutors) {
        requireThreadCap(executor, taskCount);
        // Each worker JVM would count into a counter of its own: lost updates could not be seen, and an
        // empty count would read as "nothing lost" (found by the process-executors branch).
        if (workload.usesCounter() && executor.traits().inOtherProcesses()) {
          throw new UsageException("invalid value for --executor: '" + executor.name() + "' (the counter workload "
              + "shares one counter between threads; " + executor.name() + " runs tasks in separate JVMs)");
        }
      }
    }
    List<Integer> chunksizes = chunksize == null || chunksize.isEmpty() ? List.of(0)
        : chunksize.stream().distinct().toList();
    ExecutorSettings settings = new ExecutorSettings(workerCounts.get(0), Math.round(switchIntervalMs * 1e6),
        processSettings(chosenExecutors, workerCounts, chunksizes, choices));
    return new Checked(choices, chosenExecutors, chosenGuards, workerCounts, chunksizes, settings, baselineEntry);
  }

  /** Every combination of the listed values, the first key varying slowest; one empty map for no keys. */
  static List<Map<String, String>> combinations(Map<String, List<String>> valuesByKey) {
    List<Map<String, String>> combinations = new ArrayList<>();
    combinations.add(new LinkedHashMap<>());
    valuesByKey.forEach((key, values) -> {
      List<Map<String, String>> longer = new ArrayList<>();
      for (Map<String, String> combination : combinations) {
        for (String value : values) {
          Map<String, String> next = new LinkedHashMap<>(combination);
          next.put(key, value);
          longer.add(next);
        }
      }
      combinations.clear();
      combinations.addAll(longer);
    });
    return combinations;
  }

  static final int MAX_PROCESS_WORKERS = 256;

  /** Checks the process options; they only make sense with a process executor, and are capped. */
  private ProcessSettings processSettings(List<Executor> executors, List<Integer> workerCounts,
      List<Integer> chunksizes, List<BenchmarkPlan.WorkloadChoice> choices) {
    boolean processes = executors.stream().anyMatch(e -> e.traits().inOtherProcesses());
    if (processes) {
      for (int count : workerCounts) {
        requireRange("--workers", count, 1, MAX_PROCESS_WORKERS);
      }
    }
    if (chunksize != null) {
      for (int size : chunksize) {
        requireRange("--chunksize", size, 1, ProcessSettings.MAX_TASKS_PER_FRAME);
      }
    }
    requireRange("--payload-bytes", payloadBytes, 0, ProcessSettings.MAX_PAYLOAD_BYTES);
    if (maxTasksPerChild != null) {
      requireRange("--max-tasks-per-child", maxTasksPerChild, 1, Integer.MAX_VALUE);
    }
    requireRange("--retries", retries, 0, 100);
    long timeoutNanos = taskTimeout == null ? 0 : taskTimeout.toNanos();
    // A request frame holds chunksize payloads: refuse what could never be sent.
    for (BenchmarkPlan.WorkloadChoice choice : choices) {
      for (int size : chunksizes) {
        for (int count : workerCounts) {
          long chunk = size > 0 ? size : (long) Math.ceil(choice.tasks() / (4.0 * count));
          if (payloadBytes > 0 && chunk * (payloadBytes + 16L) > ProcessSettings.MAX_FRAME_BYTES) {
            throw new UsageException(String.format(Locale.ROOT, "invalid value for --payload-bytes: '%d' "
                + "(a chunk of %d tasks would exceed the %d-byte frame cap; lower --chunksize)", payloadBytes,
                chunk, ProcessSettings.MAX_FRAME_BYTES));
          }
        }
      }
    }
    return new ProcessSettings(javaBinary, jvmArgs,
        chunksizes.get(0), maxTasksPerChild == null ? 0 : maxTasksPerChild, payloadBytes, retries, timeoutNanos);
  }

  /** --java: an executable file; blank is the default, the java running concbench. */
  static final class JavaBinary implements ITypeConverter<String> {
    @Override
    public String convert(String path) {
      if (path.isBlank()) {
        return null;
      }
      Path binary = Path.of(path);
      if (!Files.isExecutable(binary) || Files.isDirectory(binary)) {
        throw BadValue.because(path, "not an executable file");
      }
      return path;
    }
  }

  /** --jvm-arg: a JVM option. concbench sets the class path and main class itself; anything else is a mistake. */
  static final class JvmOption implements ITypeConverter<String> {
    private static final List<String> SET_BY_CONCBENCH = List.of("-cp", "-classpath", "--class-path", "-jar",
        "-m", "--module");

    @Override
    public String convert(String arg) {
      if (!arg.startsWith("-") || SET_BY_CONCBENCH.contains(arg)) {
        throw BadValue.because(arg, "must be a JVM option starting with '-', and not one that sets the class "
            + "path, a jar or a module: concbench sets those");
      }
      return arg;
    }
  }

  private static ParamValues resolve(Workload workload, Map<String, String> given) {
    try {
      return ParamValues.resolve(workload, given);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static void requireThreadCap(Executor executor, int taskCount) {
    if (executor.traits().maxTasks() > 0 && taskCount > executor.traits().maxTasks()) {
      throw new UsageException("invalid value for --tasks: '" + taskCount + "' (" + executor.name()
          + " starts one thread per task: at most " + executor.traits().maxTasks() + "; use thread-pool for more)");
    }
  }

  private static void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new UsageException(String.format(Locale.ROOT,
          "invalid value for %s: '%d' (must be between %d and %d)", option, value, min, max));
    }
  }
}
