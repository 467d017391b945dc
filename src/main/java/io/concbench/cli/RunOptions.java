package io.concbench.cli;

import io.concbench.engine.BenchmarkPlan;
import io.concbench.executor.ExecutorRegistry;
import io.concbench.executor.ExecutorSettings;
import io.concbench.executor.Guard;
import io.concbench.executor.ProcessSettings;
import io.concbench.process.FrameCodec;
import io.concbench.workload.ParamValues;
import io.concbench.workload.Workload;
import io.concbench.workload.WorkloadRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of {@code concbench run} (their names are a contract: README, "Commands") and the checks that
 * turn them into a plan before any work starts. A picocli mixin, so that commands which run benchmarks share
 * one definition of every option.
 */
public final class RunOptions {

  static final int MAX_WORKERS = 4096;
  static final int MAX_TASKS = 10_000_000;
  /** Platform threads are an OS resource: 10 000 of them already take seconds to start on a small VM. */
  static final int MAX_PLATFORM_THREADS_PER_TASK = 10_000;
  static final int MAX_VIRTUAL_THREADS = 1_000_000;

  @Option(names = "--workload", split = ",", paramLabel = "NAME",
      completionCandidates = Names.WorkloadNames.class,
      description = "Workloads to run, comma-separated (required): ${COMPLETION-CANDIDATES}.")
  List<String> workloads;

  @Option(names = "--executor", split = ",", paramLabel = "NAME",
      completionCandidates = Names.ExecutorNames.class,
      description = "Executors to compare, comma-separated (required): ${COMPLETION-CANDIDATES}.")
  List<String> executors;

  @Option(names = "--workers", paramLabel = "N",
      description = "Threads of a parallel executor (default: available processors).")
  Integer workers;

  @Option(names = "--tasks", paramLabel = "N", description = "Tasks per run (default: the workload's).")
  Integer tasks;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "Workload parameter, repeatable, e.g. n=2000000 or sleep-ms=100 (see 'concbench list').")
  Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--guard", split = ",", paramLabel = "G", defaultValue = "synchronized",
      completionCandidates = Names.GuardNames.class,
      description = "Guard(s) of the shared counter (counter workload, lock executor): ${COMPLETION-CANDIDATES}."
          + " A list compares them. Default: ${DEFAULT-VALUE}.")
  List<String> guards;

  @Option(names = "--switch-interval-ms", paramLabel = "X", defaultValue = "5",
      description = "How long the gil executor's lock is held before a hand-over. Default: ${DEFAULT-VALUE}.")
  double switchIntervalMs;

  @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
      description = "Discarded warm-up runs of each case. Default: ${DEFAULT-VALUE}.")
  int warmup;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
      description = "Measured runs of each case. Default: ${DEFAULT-VALUE}.")
  int runs;

  @Option(names = "--baseline", paramLabel = "NAME|none", defaultValue = "single",
      completionCandidates = Names.BaselineNames.class,
      description = "Executor that speedups are measured against. Default: ${DEFAULT-VALUE}.")
  String baseline;

  @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
      description = "What goes to stdout. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Also write the JSON report to FILE, rewritten atomically after every finished workload.")
  Path output;

  @Option(names = "--chunksize", paramLabel = "N",
      description = "process-pool: tasks per request frame (default: ceil(tasks / (4 x workers)), as CPython's Pool.map).")
  Integer chunksize;

  @Option(names = "--payload-bytes", paramLabel = "N", defaultValue = "0",
      description = "fork, process-pool: bytes sent with each task and returned with its result. Default: ${DEFAULT-VALUE}.")
  int payloadBytes;

  @Option(names = "--max-tasks-per-child", paramLabel = "N",
      description = "process-pool: replace a worker after N tasks (CPython's maxtasksperchild). Default: never.")
  Integer maxTasksPerChild;

  @Option(names = "--retries", paramLabel = "N", defaultValue = "1",
      description = "fork, process-pool: tries again for a task whose worker died. Default: ${DEFAULT-VALUE}.")
  int retries;

  @Option(names = "--task-timeout", paramLabel = "DURATION",
      description = "fork, process-pool: kill a worker whose task runs longer, e.g. 30s or 500ms. Default: none.")
  String taskTimeout;

  @Option(names = "--java", paramLabel = "PATH",
      description = "fork, process-pool: java binary for workers. Default: the one running concbench.")
  String javaBinary;

  @Option(names = "--jvm-arg", paramLabel = "ARG",
      description = "fork, process-pool: extra JVM option for workers, repeatable (e.g. --jvm-arg=-Xmx256m).")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--export", paramLabel = "FORMAT=FILE",
      description = "Also write the report in FORMAT to FILE, repeatable, rewritten like --output "
          + "(formats: see 'concbench report --help').")
  Map<String, Path> exports = new LinkedHashMap<>();

  @Option(names = "--capacity", paramLabel = "auto|off", defaultValue = "auto",
      description = "Probe the machine's parallel capacity in every measured round of parallel cases (auto), "
          + "or not. Default: ${DEFAULT-VALUE}.")
  String capacity;

  @Option(names = "--quiet", description = "No progress on stderr.")
  boolean quiet;

  /** Checks every option before any work starts; throws {@link UsageException} naming the bad value. */
  BenchmarkPlan plan() {
    // Checked here rather than by picocli's "required", so that a misspelt option is reported as such.
    if (workloads == null || workloads.isEmpty()) {
      throw new UsageException("missing required option --workload (see 'concbench list')");
    }
    if (executors == null || executors.isEmpty()) {
      throw new UsageException("missing required option --executor (see 'concbench list')");
    }
    Names.requireKnown("--format", format, List.of("table", "json"));
    Names.requireKnown("--capacity", capacity, List.of("auto", "off"));
    List<Workload> chosenWorkloads = new ArrayList<>();
    for (String name : workloads) {
      Names.requireKnown("--workload", name, WorkloadRegistry.names());
      WorkloadRegistry.find(name).filter(w -> !chosenWorkloads.contains(w)).ifPresent(chosenWorkloads::add);
    }
    List<ExecutorRegistry.Entry> chosenExecutors = new ArrayList<>();
    for (String name : executors) {
      chosenExecutors.add(available("--executor", name));
    }
    List<Guard> chosenGuards = new ArrayList<>();
    for (String name : guards) {
      Names.requireKnown("--guard", name, Names.listOf(new Names.GuardNames()));
      Guard guard = Guard.fromLabel(name);
      if (!chosenGuards.contains(guard)) {
        chosenGuards.add(guard);
      }
    }
    ExecutorRegistry.Entry baselineEntry = baseline.equals("none") ? null : available("--baseline", baseline);

    int workerCount = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
    requireRange("--workers", workerCount, 1, MAX_WORKERS);
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
      Map<String, String> own = new LinkedHashMap<>();
      params.forEach((k, v) -> {
        if (workload.takesParam(k)) {
          own.put(k, v);
        }
      });
      int taskCount = tasks == null ? workload.defaultTasks() : tasks;
      choices.add(new BenchmarkPlan.WorkloadChoice(workload, resolve(workload, own), taskCount));
      for (ExecutorRegistry.Entry executor : chosenExecutors) {
        requireThreadCap(executor, taskCount);
        // Each worker JVM would count into a counter of its own: lost updates could not be seen, and an
        // empty count would read as "nothing lost" (found by the process-executors branch).
        if (workload.usesCounter() && executor.inOtherProcesses()) {
          throw new UsageException("invalid value for --executor: '" + executor.name() + "' (the counter workload "
              + "shares one counter between threads; " + executor.name() + " runs tasks in separate JVMs)");
        }
      }
    }
    ExecutorSettings settings = new ExecutorSettings(workerCount, Math.round(switchIntervalMs * 1e6),
        processSettings(chosenExecutors, workerCount, choices));
    return BenchmarkPlan.of(choices, chosenExecutors, chosenGuards, settings, baselineEntry, warmup, runs);
  }

  static final int MAX_PROCESS_WORKERS = 256;

  /** Checks the process options; they only make sense with a process executor, and are capped. */
  private ProcessSettings processSettings(List<ExecutorRegistry.Entry> executors, int workerCount,
      List<BenchmarkPlan.WorkloadChoice> choices) {
    boolean processes = executors.stream().anyMatch(ExecutorRegistry.Entry::inOtherProcesses);
    if (processes) {
      requireRange("--workers", workerCount, 1, MAX_PROCESS_WORKERS);
    }
    if (chunksize != null) {
      requireRange("--chunksize", chunksize, 1, FrameCodec.MAX_TASKS_PER_FRAME);
    }
    requireRange("--payload-bytes", payloadBytes, 0, FrameCodec.MAX_PAYLOAD_BYTES);
    if (maxTasksPerChild != null) {
      requireRange("--max-tasks-per-child", maxTasksPerChild, 1, Integer.MAX_VALUE);
    }
    requireRange("--retries", retries, 0, 100);
    long timeoutNanos = taskTimeout == null ? 0 : Durations.parse("--task-timeout", taskTimeout);
    for (String arg : jvmArgs) {
      // concbench sets the class path and main class itself; anything else not an option is a mistake.
      if (!arg.startsWith("-") || List.of("-cp", "-classpath", "--class-path", "-jar", "-m", "--module")
          .contains(arg)) {
        throw new UsageException("invalid value for --jvm-arg: '" + arg + "' (must be a JVM option starting with "
            + "'-', and not one that sets the class path, a jar or a module: concbench sets those)");
      }
    }
    if (javaBinary != null && !javaBinary.isBlank()) {
      Path binary = Path.of(javaBinary);
      if (!Files.isExecutable(binary) || Files.isDirectory(binary)) {
        throw new UsageException("invalid value for --java: '" + javaBinary + "' (not an executable file)");
      }
    }
    // A request frame holds chunksize payloads: refuse what could never be sent.
    for (BenchmarkPlan.WorkloadChoice choice : choices) {
      long chunk = chunksize != null ? chunksize : (long) Math.ceil(choice.tasks() / (4.0 * workerCount));
      if (payloadBytes > 0 && chunk * (payloadBytes + 16L) > FrameCodec.MAX_FRAME_BYTES) {
        throw new UsageException(String.format(Locale.ROOT, "invalid value for --payload-bytes: '%d' "
            + "(a chunk of %d tasks would exceed the %d-byte frame cap; lower --chunksize)", payloadBytes, chunk,
            FrameCodec.MAX_FRAME_BYTES));
      }
    }
    return new ProcessSettings(javaBinary == null || javaBinary.isBlank() ? null : javaBinary, jvmArgs,
        chunksize == null ? 0 : chunksize, maxTasksPerChild == null ? 0 : maxTasksPerChild, payloadBytes, retries,
        timeoutNanos);
  }

  private static ParamValues resolve(Workload workload, Map<String, String> given) {
    try {
      return ParamValues.resolve(workload, given);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  private static ExecutorRegistry.Entry available(String option, String name) {
    Names.requireKnown(option, name, option.equals("--baseline")
        ? Names.listOf(new Names.BaselineNames()) : ExecutorRegistry.names());
    ExecutorRegistry.Entry entry = ExecutorRegistry.find(name).orElseThrow();
    entry.unavailableReason().ifPresent(reason -> {
      throw new UsageException("invalid value for " + option + ": '" + name + "' is unavailable: " + reason);
    });
    return entry;
  }

  private static void requireThreadCap(ExecutorRegistry.Entry executor, int taskCount) {
    if (executor.name().equals("thread-per-task") && taskCount > MAX_PLATFORM_THREADS_PER_TASK) {
      throw new UsageException("invalid value for --tasks: '" + taskCount + "' (thread-per-task starts one "
          + "platform thread per task: at most " + MAX_PLATFORM_THREADS_PER_TASK
          + "; use thread-pool or virtual for more)");
    }
    if (executor.name().equals("virtual") && taskCount > MAX_VIRTUAL_THREADS) {
      throw new UsageException("invalid value for --tasks: '" + taskCount + "' (virtual starts one thread "
          + "per task: at most " + MAX_VIRTUAL_THREADS + ")");
    }
  }

  private static void requireRange(String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw new UsageException(String.format(Locale.ROOT,
          "invalid value for %s: '%d' (must be between %d and %d)", option, value, min, max));
    }
  }
}
