package io.concbench.cli;

import io.concbench.api.ParamValues;
import io.concbench.api.TextParam;
import io.concbench.api.Workload;
import io.concbench.engine.BenchmarkPlan.WorkloadChoice;
import io.concbench.executor.Executor;
import io.concbench.executor.Guard;
import io.concbench.workload.WorkloadRegistry;
import io.concbench.workload.command.CommandOptions;
import io.concbench.workload.command.CommandWorkload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * What {@code run} and {@code matrix} measure: workloads with their parameters and task counts, executors
 * with their worker counts, the guards and the baseline (names are a contract: README, "Commands"). A
 * picocli mixin. Names become registry entries while parsing ({@link Names}); {@link #validate} checks the
 * rest of these options on their own, {@link Plans} what depends on other options.
 */
public final class SelectionOptions {

  static final int MAX_WORKERS = 4096;
  static final int MAX_TASKS = 10_000_000;

  @Option(names = "--workload", split = ",", paramLabel = "NAME", converter = Names.ToWorkload.class,
      completionCandidates = Names.WorkloadNames.class,
      description = "Workloads to run, comma-separated (required): ${COMPLETION-CANDIDATES}.")
  List<Workload> workloads;

  @Option(names = "--command", paramLabel = "CMD",
      description = "A command to benchmark: each task runs it once, {i} its index, {n} the task count "
          + "(the workload 'command'; instead of --workload).")
  String command;

  @Option(names = "--shell", paramLabel = "sh|none|PATH",
      description = "--command runs under sh -c (default), none (split into words, no shell) or the shell at "
          + "PATH.")
  String shell;

  @Option(names = "--show-output",
      description = "--command: let commands write to this terminal (default: their output is discarded and "
          + "the last lines of a failed one's standard error reported).")
  boolean showOutput;

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

  /** --task-timeout, which commands take too: set by {@link Plans} before the choices are made. */
  Duration commandTimeout = Duration.ZERO;

  /** Null for {@code none}. */
  @Option(names = "--baseline", paramLabel = "NAME|none", defaultValue = "single",
      converter = Names.ToBaseline.class, completionCandidates = Names.BaselineNames.class,
      description = "Executor that speedups are measured against. Default: ${DEFAULT-VALUE}.")
  Executor baseline;

  /** The command these options are part of: which of them the user typed, and which are defaults. */
  @Spec(Spec.Target.MIXEE) CommandSpec spec;

  /** True if the user typed {@code option} (its long name); false for a default, or outside a command. */
  boolean typed(String option) {
    ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(option);
  }

  /** Refuses what is wrong with these options alone: a missing list, a worker or task count out of range. */
  void validate() {
    if (command != null) {
      takeCommand();
    } else if (shell != null || showOutput) {
      throw new UsageException((shell != null ? "--shell" : "--show-output") + " applies to --command, which "
          + "was not given");
    }
    // Checked here rather than by picocli's "required", so that a misspelt option is reported as such.
    if (workloads == null || workloads.isEmpty()) {
      throw new UsageException("missing required option --workload (see 'concbench list')");
    }
    if (executors == null || executors.isEmpty()) {
      throw new UsageException("missing required option --executor (see 'concbench list')");
    }
    for (int count : workerCounts()) {
      UsageException.requireRange("--workers", count, 1, MAX_WORKERS);
    }
    if (tasks != null) {
      UsageException.requireRange("--tasks", tasks, 1, MAX_TASKS);
    }
  }

  /** --command CMD is --workload command with its parameters; it measures that command alone. */
  private void takeCommand() {
    if (workloads != null && workloads.stream().anyMatch(w -> !w.name().equals(CommandWorkload.NAME))) {
      throw new UsageException("--command and --workload " + workloads.get(0).name() + " were both given: "
          + "--command is the workload, give one or the other");
    }
    if (params.containsKey("command") || params.containsKey("shell")) {
      throw new UsageException("--command and --param " + (params.containsKey("command") ? "command" : "shell")
          + " were both given: give one or the other");
    }
    workloads = List.of(WorkloadRegistry.find(CommandWorkload.NAME).orElseThrow());
    params.put("command", command);
    if (shell != null) {
      params.put("shell", shell);
    }
  }

  /** The workloads in the order given, each once. */
  List<Workload> workloads() {
    return workloads.stream().distinct().toList();
  }

  List<Executor> executors() {
    return executors;
  }

  /** The guards in the order given, each once. */
  List<Guard> guards() {
    return guards.stream().distinct().toList();
  }

  /** The baseline executor, or null for none. */
  Executor baseline() {
    return baseline;
  }

  /** The worker counts in the order given, each once; the available processors if none was given. */
  List<Integer> workerCounts() {
    return workers == null || workers.isEmpty() ? List.of(Runtime.getRuntime().availableProcessors())
        : workers.stream().distinct().toList();
  }

  /**
   * For {@code run}, which takes one value of each parameter: refuses a value with a comma, a list to
   * sweep, unless the parameter takes text, where a comma is part of the value.
   */
  void refuseParamLists() {
    params.forEach((key, value) -> {
      if (value.contains(",") && !takenAsText(key)) {
        throw new UsageException("invalid value for --param " + key + ": '" + value + "' (run takes one value; "
            + "sweep a list with 'concbench matrix')");
      }
    });
  }

  /**
   * The workloads as measured: one choice per workload and combination of its parameters' values. A value
   * is a comma-separated list to sweep unless its parameter takes text: a command line may hold commas.
   * Every value is resolved on its own, so that a message names the bad one.
   */
  List<WorkloadChoice> choices() {
    List<Workload> chosen = workloads();
    for (String key : params.keySet()) {
      if (chosen.stream().noneMatch(w -> w.takesParam(key))) {
        // Let the first workload's resolution produce the message listing the keys it takes.
        resolve(chosen.get(0), Map.of(key, params.get(key)));
      }
    }
    List<WorkloadChoice> choices = new ArrayList<>();
    for (Workload workload : chosen) {
      Map<String, List<String>> own = new LinkedHashMap<>();
      params.forEach((key, value) -> {
        if (workload.takesParam(key)) {
          List<String> values = isText(workload, key) ? List.of(value) : List.of(value.split(",", -1));
          values.forEach(v -> resolve(workload, Map.of(key, v)));
          own.put(key, values);
        }
      });
      int taskCount = tasks == null ? workload.defaultTasks() : tasks;
      for (Map<String, String> combination : combinations(own)) {
        ParamValues values = resolve(workload, combination);
        Workload configured = workload instanceof CommandWorkload commands
            ? configuredCommand(commands, values, taskCount) : workload;
        WorkloadChoice choice = new WorkloadChoice(configured, values, taskCount);
        if (!choices.contains(choice)) {
          choices.add(choice);
        }
      }
    }
    return choices;
  }

  /** The command workload, checked (a command that cannot run is refused now) and set up as the options say. */
  private CommandWorkload configuredCommand(CommandWorkload commands, ParamValues values, int taskCount) {
    try {
      CommandWorkload.template(values);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    return commands.with(new CommandOptions(taskCount, commandTimeout, showOutput));
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

  /** True if a workload takes the key, and every selected workload that takes it takes text. */
  private boolean takenAsText(String key) {
    List<Workload> taking = workloads == null ? List.of()
        : workloads.stream().filter(w -> w.takesParam(key)).toList();
    return !taking.isEmpty() && taking.stream().allMatch(w -> isText(w, key));
  }

  private static boolean isText(Workload workload, String key) {
    return workload.params().stream().anyMatch(p -> p.name().equals(key) && p instanceof TextParam);
  }

  private static ParamValues resolve(Workload workload, Map<String, String> given) {
    try {
      return ParamValues.resolve(workload, given);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
