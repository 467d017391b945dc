package io.concbench.cli;

import io.concbench.engine.BenchmarkCase;
import io.concbench.engine.BenchmarkPlan;
import io.concbench.plugin.WorkloadCatalog;
import io.concbench.workload.command.ShellWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * One side of {@code concbench ab}: the shared run options and the side's own, checked by {@code run}'s own
 * parser and plan (so a side that {@code run} would refuse is refused before anything runs, in one line that
 * names the side), and the arguments of the child {@code run} that measures it in each round.
 *
 * @param name "-a" or "-b"
 * @param given the side's run options as given, shared ones first
 * @param java the java of the side's JVMs, or null for the one running concbench
 * @param runArguments the child's arguments from "run" on, without where it writes
 * @param cases the cases each run of the side measures
 * @param busiestCores the most cores one of its cases keeps busy (its workers; a command or a process
 *     counts as many as its workers)
 * @param probes the capacity probes ab runs once per round on the side's behalf (its child runs with
 *     {@code --capacity off}); empty when its cases need none, or when the side gives {@code --capacity} itself
 */
record AbSide(String name, List<String> given, String java, List<String> runArguments, int cases,
    int busiestCores, List<Probe> probes) {

  /**
   * A capacity probe a side's cases need, as {@code run}'s engine would run it in every measured round: for
   * in-process or other-process executors ({@code otherProcesses}), for {@code k} workers.
   */
  record Probe(boolean otherProcesses, int k) {

    /** The probe a case needs, as BenchmarkEngine.capacityK has it, or null: parallel work bound by cores. */
    static Probe of(BenchmarkCase c, int processors) {
      int k = Math.min(c.workers(), processors);
      return c.rate() == null && k >= 2 && c.workload().boundByCores()
          ? new Probe(c.executor().traits().inOtherProcesses(), k) : null;
    }
  }

  /** Options ab sets itself for every side: where the child writes, and in which form. */
  static final Set<String> SET_BY_AB = Set.of("--format", "--output", "--export", "--help", "-h", "--version",
      "-V");

  /**
   * Per-side defaults of a round, unless the side or the shared options set them: one warm-up and one measured
   * run per side and round (the rounds are the repetitions the verdict counts; a side given {@code --runs N}
   * takes N turns a round, alternating with the other's, and its figure is their median), and no speedup
   * baseline (ab compares the two sides, not each with a baseline). A duet's sides run twice a round, so that
   * each runs once on each of the round's two sets of CPUs (they swap at every turn, docs/ab.md).
   */
  static List<List<String>> defaults(boolean duet) {
    return List.of(List.of("--runs", duet ? "2" : "1"), List.of("--warmup", "1"), List.of("--baseline", "none"));
  }

  /**
   * Checks a side as {@code run} would, refusing it as a {@link UsageException} that names the side and its value.
   *
   * @param services for the parser's run command (nothing runs)
   * @param defaults what the child is given when neither the side nor the shared options set it ({@link
   *     #defaults})
   */
  static AbSide of(String name, String value, List<String> shared, String java, Services services,
      List<List<String>> defaults) {
    List<String> own;
    try {
      own = value.isBlank() ? List.of() : ShellWords.split(value);
    } catch (IllegalArgumentException e) {
      throw refused(name, value, e.getMessage());
    }
    List<String> words = new ArrayList<>(withoutOverridden(shared, own, services));
    words.addAll(own);
    for (String word : words) {
      String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      if (SET_BY_AB.contains(option)) {
        throw refused(name, value, option + " is set by ab itself (ab's own --format and --output say what it "
            + "prints and writes)");
      }
    }
    List<String> child = new ArrayList<>(words);
    for (List<String> option : defaults) {
      boolean set = words.stream().anyMatch(w -> w.equals(option.get(0)) || w.startsWith(option.get(0) + "="));
      if (!set) {
        child.addAll(option);
      }
    }
    String[] runArgs = new String[child.size() + 1];
    runArgs[0] = "run";
    for (int i = 0; i < child.size(); i++) {
      runArgs[i + 1] = child.get(i);
    }
    BenchmarkPlan plan;
    RunCommand run;
    try {
      WorkloadCatalog catalog = PluginArguments.catalog(runArgs, services.pluginsVariable());
      run = new RunCommand(services, catalog);
      CommandLine commandLine = new CommandLine(run, new Cli.Factory(services, catalog));
      commandLine.parseArgs(child.toArray(String[]::new));
      plan = Plans.run(run.selection, run.measurement, run.process, run.rate, catalog);
    } catch (ParameterException e) {
      String reason = e.getCause() instanceof BadValue bad && e.getArgSpec() instanceof OptionSpec option
          ? bad.line(option.longestName()) : e.getMessage();
      throw refused(name, value, reason);
    } catch (UsageException e) {
      throw refused(name, value, e.getMessage());
    }
    List<BenchmarkCase> cases = plan.groups().stream().flatMap(List::stream).toList();
    int busiest = cases.stream().mapToInt(BenchmarkCase::workers).max().orElse(1);
    List<String> arguments = new ArrayList<>();
    arguments.add("run");
    arguments.addAll(child);
    List<Probe> probes = List.of();
    boolean capacityGiven = words.stream().anyMatch(w -> w.equals("--capacity") || w.startsWith("--capacity="));
    if (!capacityGiven && run.measurement.probesCapacity()) {
      // The probe's figure is not part of the side's wall time, which is all ab reads from a side: ab probes
      // once per round in its own (warm) JVM rather than in each side's fresh one (docs/ab.md).
      int processors = Runtime.getRuntime().availableProcessors();
      probes = cases.stream().map(c -> Probe.of(c, processors)).filter(Objects::nonNull).distinct().toList();
      if (!probes.isEmpty()) {
        arguments.addAll(List.of("--capacity", "off"));
      }
    }
    return new AbSide(name, words, java, arguments, cases.size(), busiest, probes);
  }

  /**
   * The shared options less those the side sets itself (with their values): a side's option replaces the shared
   * one, as the side is the more specific ({@code --executor single,thread-pool} shared, {@code -b '--executor
   * single'}), rather than being refused as given twice or added to a list.
   */
  static List<String> withoutOverridden(List<String> shared, List<String> own, Services services) {
    CommandLine.Model.CommandSpec run = new CommandLine(new RunCommand(services),
        new Cli.Factory(services, WorkloadCatalog.builtIn())).getCommandSpec();
    Set<String> setBySide = new java.util.HashSet<>();
    for (String word : own) {
      OptionSpec option = word.startsWith("-") ? run.findOption(optionName(word)) : null;
      if (option != null) {
        setBySide.addAll(List.of(option.names()));
      }
    }
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < shared.size(); i++) {
      String word = shared.get(i);
      OptionSpec option = word.startsWith("-") ? run.findOption(optionName(word)) : null;
      if (option != null && setBySide.contains(optionName(word))) {
        if (!word.contains("=") && option.arity().max() > 0 && i + 1 < shared.size()) {
          i++; // its value
        }
        continue;
      }
      kept.add(word);
    }
    return kept;
  }

  private static String optionName(String word) {
    return word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
  }

  /** "invalid value for -a: '--workers 0' (invalid value for --workers: '0' (…))": one line. */
  static UsageException refused(String name, String value, String reason) {
    return UsageException.invalid(name, value, reason.replace('\n', ' ').strip());
  }
}
