package io.concbench.cli;

import io.concbench.process.parent.WorkerCommand;
import io.concbench.report.AbReport;
import io.concbench.report.JsonReport;
import io.concbench.result.AbSection;
import io.concbench.result.Report;
import io.concbench.stats.PairedVerdict;
import io.concbench.stats.SignedRankInterval;
import io.concbench.system.CpuAffinity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/** {@code concbench ab -a 'RUN OPTIONS' -b 'RUN OPTIONS'}: A and B measured in the same minutes, paired. */
@Command(
    name = "ab",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    description = {"Measures two variants in the same minutes: rounds of one run of A and one of B, each in a fresh "
        + "concbench JVM, in a random order per round, both held to the same CPUs (or at the same time with "
        + "--duet), and judges the per-round ratio B/A of wall times: its Hodges-Lehmann estimate, a 99%% "
        + "Wilcoxon signed-rank interval and a threshold. Run options both sides share may be given once, "
        + "outside -a and -b. See docs/ab.md."},
    footer = {"", "Exit status: 0 no regression (improved, no change, inconclusive), 1 regressed, 2 bad input, "
        + "130 interrupted (the rounds done are kept in --output with \"complete\": false).",
        "Example: concbench ab --workload cpu --executor single -a '--param n=2000000' -b '--param n=2100000'"})
public final class AbCommand implements Callable<Integer> {

  /** A round cap for --rounds auto, whatever --max-time allows. */
  static final int MAX_ROUNDS = 1000;

  @Spec CommandSpec spec;

  @Option(names = "-a", required = true, paramLabel = "'RUN OPTIONS'",
      description = "Side A's run options, one quoted string (as for 'concbench run').")
  String a;

  @Option(names = "-b", required = true, paramLabel = "'RUN OPTIONS'",
      description = "Side B's run options, one quoted string.")
  String b;

  @Option(names = "--java-a", paramLabel = "PATH", converter = ProcessOptions.JavaBinary.class,
      description = "The java that runs side A's concbench JVMs. Default: the one running concbench.")
  String javaA;

  @Option(names = "--java-b", paramLabel = "PATH", converter = ProcessOptions.JavaBinary.class,
      description = "The java that runs side B's concbench JVMs. Default: the one running concbench.")
  String javaB;

  @Option(names = "--rounds", paramLabel = "N|auto", defaultValue = "auto",
      description = "Rounds to run, or auto: stop once the verdict is certain (after --min-rounds) or before "
          + "--max-time would be passed. Default: ${DEFAULT-VALUE}.")
  String rounds;

  @Option(names = "--max-time", paramLabel = "DURATION", defaultValue = "60s", converter = Durations.class,
      description = "With --rounds auto: start no round that would end after this. Default: ${DEFAULT-VALUE}.")
  Duration maxTime;

  @Option(names = "--min-rounds", paramLabel = "N", defaultValue = "8",
      description = "Rounds needed before any verdict (at least 8: fewer can never be significant at 99%%). "
          + "Default: ${DEFAULT-VALUE}.")
  int minRounds;

  @Option(names = "--threshold", paramLabel = "PERCENT", defaultValue = "5%", converter = Percentages.class,
      description = "Smallest change that counts, e.g. 5%% or 5. Default: ${DEFAULT-VALUE}.")
  double thresholdPercent;

  @Option(names = "--seed", paramLabel = "N",
      description = "Seed of the random order of A and B in each round (recorded in the report). Default: random.")
  Long seed;

  @Option(names = "--duet",
      description = "Run A and B at the same time, so that both share whatever the machine does. Only for work "
          + "whose sides each keep at most half of the cores busy.")
  boolean duet;

  @Option(names = "--pin", paramLabel = "auto|off", defaultValue = "auto",
      description = "auto: in each round, once both sides are warmed up, hold both (every thread, and the "
          + "processes they started) to the same CPUs, chosen at random, as many as the busier side keeps busy, "
          + "when that is fewer than this machine's: a CPU slowed by what shares its core then slows both "
          + "sides alike; with --duet, each side to CPUs of its own, the two sets swapped at every turn (a duet "
          + "runs two turns a side by default). Linux with taskset only. off: leave them to the scheduler. "
          + "Default: ${DEFAULT-VALUE}.")
  String pin;

  @Option(names = "--confirm", paramLabel = "N",
      description = "On a regression, run N more rounds (at least --min-rounds) and keep the regression only if "
          + "they, judged on their own, find it again; otherwise the verdict is 'not reproduced' (exit 0).")
  Integer confirm;

  @Option(names = "--fail-on", paramLabel = "regression|never", defaultValue = "regression",
      converter = FailOn.Converter.class,
      description = "Exit 1 on a regression, or never. Default: ${DEFAULT-VALUE}.")
  FailOn failOn;

  @Option(names = "--format", paramLabel = "table|markdown|json|junit|html", defaultValue = "table",
      description = "What goes to stdout. Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the JSON report (concbench/1 with its ab section) to FILE, atomically, after every round.")
  Path output;

  /** Run options both sides share: every argument that is not one of ab's own. */
  @Unmatched List<String> shared = new ArrayList<>();

  private final Services services;
  private final AbLauncher launcher;

  public AbCommand(Services services) {
    this(services, new AbLauncher.ChildJvm(WorkerCommand.defaultCacheDirectory()));
  }

  AbCommand(Services services, AbLauncher launcher) {
    this.services = services;
    this.launcher = launcher;
  }

  @Override
  public Integer call() {
    Integer fixedRounds = fixedRounds();
    if (minRounds < 8 || minRounds > MAX_ROUNDS) {
      throw UsageException.invalid("--min-rounds", minRounds, "must be between 8 and " + MAX_ROUNDS
          + ": fewer than 8 rounds can never be significant at 99%");
    }
    if (!AbReport.FORMATS.contains(format)) {
      throw UsageException.invalid("--format", format, "expected one of " + String.join(", ", AbReport.FORMATS));
    }
    if (confirm != null && (confirm < minRounds || confirm > MAX_ROUNDS)) {
      throw UsageException.invalid("--confirm", confirm, "must be between --min-rounds (" + minRounds + ") and "
          + MAX_ROUNDS + ": fewer confirming rounds could never find a regression again");
    }
    if (!(thresholdPercent > 0 && thresholdPercent < 100)) {
      throw UsageException.invalid("--threshold", thresholdPercent + "%", "must be above 0% and below 100%");
    }
    refuseNonJvm("--java-a", javaA);
    refuseNonJvm("--java-b", javaB);
    List<List<String>> defaults = AbSide.defaults(duet);
    AbSide sideA = AbSide.of("-a", a, shared, javaA, services, defaults);
    AbSide sideB = AbSide.of("-b", b, shared, javaB, services, defaults);
    if (sideA.cases() != sideB.cases()) {
      throw new UsageException("-a and -b measure different numbers of cases (" + sideA.cases() + " and "
          + sideB.cases() + "): each round pairs them one by one");
    }
    if (duet) {
      int cores = Runtime.getRuntime().availableProcessors();
      for (AbSide side : List.of(sideA, sideB)) {
        if (side.busiestCores() * 2 > cores) {
          throw new UsageException("invalid value for --duet: side " + side.name() + " ('"
              + (side == sideA ? a : b) + "') keeps up to " + side.busiestCores() + " cores busy, more than half of "
              + "this machine's " + cores + ": run at the same time, the two sides would compete for cores and "
              + "measure that (drop --duet, or use at most " + Math.max(1, cores / 2) + " workers)");
        }
      }
    }
    if (!pin.equals("auto") && !pin.equals("off")) {
      throw UsageException.invalid("--pin", pin, "expected auto or off");
    }
    if (output != null) {
      OutputFiles.requireWritable("--output", output.toString(), output);
    }
    long usedSeed = seed != null ? seed : new Random().nextLong();
    if (services.installSignalHandlers()) {
      SignalHandling.install(services.cancellation());
    }
    launcher.prepare(sideA);
    launcher.prepare(sideB);
    placement = placement(sideA, sideB, usedSeed);
    Random order = new Random(usedSeed);
    Rounds result;
    Rounds confirming = null;
    try {
      result = runRounds(sideA, sideB, fixedRounds, usedSeed, order, null);
      boolean regressed = PairedVerdict.REGRESSED.label()
          .equals(Judgement.of(result.done, minRounds, thresholdPercent / 100).verdict);
      if (confirm != null && result.error == null && result.stopReason != StopReason.INTERRUPTED && regressed) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ab: regressed; confirming with " + confirm + " more rounds (--confirm " + confirm + ")");
        err.flush();
        confirming = runRounds(sideA, sideB, fixedRounds, usedSeed, order, result);
      }
    } finally {
      launcher.close();
    }
    Rounds last = confirming != null ? confirming : result;
    AbSection section = section(sideA, sideB, fixedRounds, usedSeed, result, confirming);
    Report report = report(section, last.stopReason != StopReason.INTERRUPTED && last.error == null);
    if (output != null) {
      OutputFiles.write(output, JsonReport.render(report));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(AbReport.render(format, report).orElseThrow());
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println("ab: " + AbReport.summary(section));
    err.flush();
    if (last.stopReason == StopReason.INTERRUPTED) {
      err.println("ab: interrupted after " + (result.done.size() + (confirming == null ? 0 : confirming.done.size()))
          + " round(s)" + (output == null ? "" : "; they are in " + output + " (\"complete\": false)"));
      err.flush();
      return ExitCodes.INTERRUPTED;
    }
    if (last.error != null) {
      err.println("ab: error: " + last.error);
      err.flush();
      return ExitCodes.FAILED;
    }
    return failOn == FailOn.REGRESSION && PairedVerdict.REGRESSED.label().equals(section.verdict())
        ? ExitCodes.FAILED : ExitCodes.OK;
  }

  /** Why the rounds stopped: the report's {@code stop_reason}. */
  enum StopReason {
    CERTAIN("certain"),
    ROUNDS("rounds"),
    MAX_TIME("max-time"),
    MAX_ROUNDS("max-rounds"),
    INTERRUPTED("interrupted"),
    FAILED("failed");

    final String label;

    StopReason(String label) {
      this.label = label;
    }
  }

  /**
   * Where the sides' timed runs go: the CPUs a round holds the sides to ({@code --pin auto}), or none. The
   * CPUs are chosen at random per round (from a seed of their own, so that the sides' order stays what the
   * seed made it before), so the rounds sample every CPU rather than one that happened to be quiet. Taking
   * turns, both sides are held to the same {@code count} CPUs; in a duet, which runs them at once, each side
   * to {@code count} of its own, the two sets swapped at every turn.
   */
  private record Placement(int count, boolean duet, CpuAffinity affinity, Random random) {
    static final Placement FREE = new Placement(0, false, null, null);

    /** The CPUs of the next round (in a duet, the first side's first set, then the other), or null. */
    List<Integer> nextRound() {
      if (count == 0) {
        return null;
      }
      List<Integer> chosen = affinity.choose(duet ? 2 * count : count, random);
      return duet ? shuffledHalves(chosen) : chosen;
    }

    /** Which half goes to which side: at random too, each half in increasing order. */
    private List<Integer> shuffledHalves(List<Integer> chosen) {
      List<Integer> shuffled = new ArrayList<>(chosen);
      Collections.shuffle(shuffled, random);
      List<Integer> first = new ArrayList<>(shuffled.subList(0, count));
      List<Integer> second = new ArrayList<>(shuffled.subList(count, shuffled.size()));
      first.sort(null);
      second.sort(null);
      first.addAll(second);
      return first;
    }
  }

  private Placement placement = Placement.FREE;

  /** The placement of the rounds; says on stderr why the sides are not held to CPUs when auto cannot. */
  private Placement placement(AbSide sideA, AbSide sideB, long usedSeed) {
    if (pin.equals("off")) {
      return Placement.FREE;
    }
    int busiest = Math.max(sideA.busiestCores(), sideB.busiestCores());
    int needed = duet ? 2 * busiest : busiest + 1; // taking turns: fewer than every CPU, or nothing to choose
    CpuAffinity affinity = launcher.affinity();
    if (affinity.unavailable() != null || needed > affinity.cpus().size()) {
      if (affinity.unavailable() != null) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("ab: the sides are not held to CPUs (--pin auto): " + affinity.unavailable());
        err.flush();
      }
      return Placement.FREE;
    }
    return new Placement(busiest, duet, affinity, new Random(~usedSeed));
  }

  /** What the rounds measured, and why they stopped. */
  private static final class Rounds {
    final List<AbSection.Round> done = new ArrayList<>();
    StopReason stopReason;
    String error;
    double elapsedMs;
  }

  /**
   * Runs rounds until they stop; with {@code first} given, the {@code --confirm} rounds after it: a fixed number,
   * judged on their own.
   */
  private Rounds runRounds(AbSide sideA, AbSide sideB, Integer fixedRounds, long usedSeed, Random order,
      Rounds first) {
    Integer asked = first == null ? fixedRounds : confirm;
    String pass = first == null ? "round" : "confirming round";
    Rounds rounds = new Rounds();
    long start = services.clock().nanoTime();
    long longestRound = 0;
    PrintWriter err = spec.commandLine().getErr();
    while (true) {
      if (services.cancellation().isCancelled()) { // before a round: no side is started (Ctrl-C while the
        rounds.stopReason = StopReason.INTERRUPTED; // class-data archive was being made, say)
        break;
      }
      boolean aFirst = order.nextBoolean();
      List<Integer> cpus = placement.nextRound();
      long roundStart = services.clock().nanoTime();
      double[] walls;
      List<AbSection.Capacity> capacity;
      try {
        capacity = probe(sideA, sideB);
        walls = capacity == null ? null : round(sideA, sideB, aFirst, cpus);
      } catch (IllegalStateException | IOException e) {
        rounds.error = e.getMessage();
        rounds.stopReason = StopReason.FAILED;
        break;
      }
      if (walls == null) {
        rounds.stopReason = StopReason.INTERRUPTED;
        break;
      }
      long now = services.clock().nanoTime();
      longestRound = Math.max(longestRound, now - roundStart);
      int number = rounds.done.size() + 1;
      rounds.done.add(new AbSection.Round(number, aFirst ? "AB" : "BA", walls[0], walls[1], walls[1] / walls[0],
          capacity, cpus));
      rounds.elapsedMs = (now - start) / 1e6;
      AbSection partial = first == null ? section(sideA, sideB, fixedRounds, usedSeed, rounds, null)
          : section(sideA, sideB, fixedRounds, usedSeed, first, rounds);
      Judgement sofar = Judgement.of(rounds.done, minRounds, thresholdPercent / 100);
      boolean settled = sofar.settled();
      boolean unsettled = asked == null && !settled && !PairedVerdict.INCONCLUSIVE.label().equals(sofar.verdict);
      err.println(String.format(Locale.ROOT, "ab: %s %d (%s%s): A %.1f ms, B %.1f ms, B/A %.4f; so far %s%s", pass,
          number, aFirst ? "A first" : "B first", where(cpus), walls[0],
          walls[1], walls[1] / walls[0],
          first == null ? AbReport.summary(partial) : AbReport.summary(partial.confirmation()),
          unsettled ? "; not settled until the 99.9% interval excludes 1 too" : ""));
      err.flush();
      if (output != null) {
        OutputFiles.write(output, JsonReport.render(report(partial, false)));
      }
      if (asked != null) {
        if (number >= asked) {
          rounds.stopReason = StopReason.ROUNDS;
          break;
        }
        continue;
      }
      if (settled) {
        rounds.stopReason = StopReason.CERTAIN;
        break;
      }
      if (number >= MAX_ROUNDS) {
        rounds.stopReason = StopReason.MAX_ROUNDS;
        break;
      }
      if (now - start + longestRound > maxTime.toNanos()) {
        rounds.stopReason = StopReason.MAX_TIME;
        break;
      }
    }
    rounds.elapsedMs = (services.clock().nanoTime() - start) / 1e6;
    return rounds;
  }

  /**
   * The round's capacity probes, run here just before its sides (so that they see the same minutes) for every
   * probe either side leaves to ab: once per round rather than once in each side's fresh JVM, which would pay
   * the probe and its warm-up twice for a figure that is not part of the sides' wall times. Null if interrupted.
   */
  private List<AbSection.Capacity> probe(AbSide sideA, AbSide sideB) {
    List<AbSection.Capacity> probed = new ArrayList<>();
    for (AbSide.Probe probe : java.util.stream.Stream.concat(sideA.probes().stream(), sideB.probes().stream())
        .distinct().toList()) {
      try {
        probed.add(launcher.probe(probe));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      if (services.cancellation().isCancelled()) {
        return null;
      }
    }
    return probed;
  }

  /**
   * Runs a round; A's and B's walls, or null if interrupted. Both JVMs start at once and warm up side by side;
   * then they take turns, one round of measured runs each, the order turning each time (first, second,
   * second, first, first, second, …), while the other waits, idle (a turn starts once both sides' JVMs and ab's
   * own have gone quiet: {@link io.concbench.system.QuietProcesses}): a round costs one start-up and warm-up, not
   * two, the timed runs never overlap, and a spell of the host that lasts a run or two falls on both sides'
   * runs alike or on one run of a side's median. With {@code --duet} both take each turn at the same moment.
   */
  private double[] round(AbSide sideA, AbSide sideB, boolean aFirst, List<Integer> cpus) throws IOException {
    Double[] walls = measure(aFirst ? List.of(sideA, sideB) : List.of(sideB, sideA), duet, cpus);
    if (walls[0] == null) {
      return null;
    }
    return aFirst ? new double[] {walls[0], walls[1]} : new double[] {walls[1], walls[0]};
  }

  /**
   * Starts the sides (in the given order), waits until every one is warmed up, holds them to {@code cpus}
   * (unless null), lets them take their turns (all at once, or one after the other, the order reversed each
   * turn) until every one has timed all, then lets them end together, watching for Ctrl-C throughout; returns
   * their walls in the given order, all null when interrupted (every side started is ended first).
   */
  private Double[] measure(List<AbSide> sides, boolean atOnce, List<Integer> cpus) throws IOException {
    List<AbLauncher.Side> started = new ArrayList<>();
    Double[] walls = new Double[sides.size()];
    try {
      for (AbSide side : sides) {
        started.add(launcher.start(side));
      }
      for (AbLauncher.Side side : started) {
        if (!await(started, side::awaitIdle)) {
          return new Double[sides.size()];
        }
      }
      if (cpus != null && !atOnce) {
        started.forEach(side -> side.holdTo(cpus));
      }
      List<AbLauncher.Side> order = new ArrayList<>(started);
      for (int turn = 0; !order.stream().allMatch(AbLauncher.Side::timedAll); turn++) {
        List<AbLauncher.Side> due = order.stream().filter(side -> !side.timedAll()).toList();
        if (atOnce) {
          if (cpus != null) {
            holdSwapped(started, cpus, turn);
          }
          launcher.quietBeforeTurn(started);
          due.forEach(AbLauncher.Side::go);
        }
        for (AbLauncher.Side side : due) {
          if (!atOnce) {
            launcher.quietBeforeTurn(started);
            side.go();
          }
          if (!await(started, side::awaitIdle)) {
            return new Double[sides.size()];
          }
        }
        Collections.reverse(order);
      }
      started.forEach(AbLauncher.Side::go);
      for (AbLauncher.Side side : started) {
        if (!await(started, side::waitFor)) {
          return new Double[sides.size()];
        }
      }
      for (int i = 0; i < started.size(); i++) {
        walls[i] = started.get(i).wallMs();
      }
      return walls;
    } catch (InterruptedException e) {
      started.forEach(AbLauncher.Side::stop);
      Thread.currentThread().interrupt();
      return new Double[sides.size()];
    } catch (RuntimeException | IOException e) {
      started.forEach(AbLauncher.Side::stop);
      throw e;
    }
  }

  /**
   * A duet's turn: the first side held to the first half of {@code cpus} and the second to the other half, the
   * halves swapped every other turn, so that with two runs a side (a duet's default) each side's figure is
   * the median of one run on each set, and a set slowed by the host slows both sides alike.
   */
  private static void holdSwapped(List<AbLauncher.Side> sides, List<Integer> cpus, int turn) {
    int half = cpus.size() / 2;
    for (int i = 0; i < sides.size(); i++) {
      sides.get(i).holdTo((i + turn) % 2 == 0 ? cpus.subList(0, half) : cpus.subList(half, cpus.size()));
    }
  }

  /** Where a round's sides ran, for its line on stderr: "", ", on CPU 1" or ", on CPUs 0 / 1 (swapped each turn)". */
  private String where(List<Integer> cpus) {
    if (cpus == null) {
      return "";
    }
    if (!duet) {
      return ", on CPU " + CpuAffinity.list(cpus);
    }
    int half = cpus.size() / 2;
    return ", on CPUs " + CpuAffinity.list(cpus.subList(0, half)) + " / "
        + CpuAffinity.list(cpus.subList(half, cpus.size())) + " (swapped each turn)";
  }

  /** A wait of a side's, in slices of 50 ms. */
  @FunctionalInterface
  private interface Wait {
    boolean upTo(long millis) throws InterruptedException;
  }

  /** Waits until {@code wait} is over; false, every side ended, if the user interrupted first. */
  private boolean await(List<AbLauncher.Side> started, Wait wait) throws InterruptedException {
    while (true) {
      boolean over = wait.upTo(50);
      if (services.cancellation().isCancelled()) {
        started.forEach(AbLauncher.Side::stop);
        return false;
      }
      if (over) {
        return true;
      }
    }
  }

  /** The ratio, its interval, p and the verdict of a list of rounds. */
  private static final class Judgement {
    Double ratio;
    Double low;
    Double high;
    Double p;
    String verdict = PairedVerdict.INCONCLUSIVE.label();
    /** The rounds' log ratios, for {@link #settled()}. */
    private double[] logs;

    static Judgement of(List<AbSection.Round> done, int minRounds, double threshold) {
      Judgement judgement = new Judgement();
      if (!done.isEmpty()) {
        double[] logs = done.stream().mapToDouble(r -> Math.log(r.ratio())).toArray();
        judgement.logs = logs;
        SignedRankInterval.Estimate estimate = SignedRankInterval.of(logs, AbReport.CONFIDENCE);
        judgement.ratio = Math.exp(estimate.estimate());
        if (estimate.bounded()) {
          judgement.low = Math.exp(estimate.low());
          judgement.high = Math.exp(estimate.high());
        }
        judgement.p = estimate.pValue();
        judgement.verdict = PairedVerdict.judge(judgement.low == null ? 0 : judgement.low,
            judgement.high == null ? Double.POSITIVE_INFINITY : judgement.high, done.size(), minRounds, threshold)
            .label();
      }
      return judgement;
    }

    /**
     * Whether the rounds may stop before their time is up: at once on "no change", but on a regression or an
     * improvement only once the {@link AbReport#INTERIM_CONFIDENCE} interval of the same rounds excludes 1
     * too. Stopping at the first of up to 40 looks a minute whose 99 % interval excluded
     * 1 turned a 0.5 % chance of a false regression at one look into 2 % over a trial of thread-pool rounds
     * (scripts/ab-sim on the A/A rounds of 5 December); with the stricter interim bound (Haybittle-Peto),
     * 0.8 %, for a change confirmed a few rounds later. The last look, when time is up, keeps the 99 % verdict.
     */
    boolean settled() {
      if (PairedVerdict.INCONCLUSIVE.label().equals(verdict)) {
        return false;
      }
      if (PairedVerdict.NO_CHANGE.label().equals(verdict)) {
        return true;
      }
      SignedRankInterval.Estimate strict = SignedRankInterval.of(logs, AbReport.INTERIM_CONFIDENCE);
      return strict.bounded() && (strict.low() > 0 || strict.high() < 0);
    }
  }

  /**
   * The report's section: the first rounds' figures and verdict, and with {@code confirming} given, the
   * confirming rounds, which keep a regression only if they find it again.
   */
  private AbSection section(AbSide sideA, AbSide sideB, Integer fixedRounds, long usedSeed, Rounds rounds,
      Rounds confirming) {
    double threshold = thresholdPercent / 100;
    Judgement judgement = Judgement.of(rounds.done, minRounds, threshold);
    String verdict = judgement.verdict;
    AbSection.Confirmation confirmation = null;
    if (confirming != null) {
      Judgement again = Judgement.of(confirming.done, minRounds, threshold);
      confirmation = new AbSection.Confirmation(confirm, confirming.done, again.ratio, again.low, again.high,
          again.p, again.verdict, confirming.stopReason == null ? null : confirming.stopReason.label,
          confirming.elapsedMs);
      // Until the confirming rounds are all done (and when they fail), the regression stands as measured.
      if (confirming.stopReason == StopReason.ROUNDS && !PairedVerdict.REGRESSED.label().equals(again.verdict)) {
        verdict = AbSection.NOT_REPRODUCED;
      }
    }
    return new AbSection(duet ? "duet" : "interleaved", sideA.given(), sideB.given(), javaA, javaB, usedSeed,
        AbReport.METRIC, threshold, AbReport.CONFIDENCE, AbReport.INTERIM_CONFIDENCE, minRounds, fixedRounds,
        maxTime.toNanos() / 1e6, rounds.done, judgement.ratio, judgement.low, judgement.high, judgement.p, verdict,
        rounds.stopReason == null ? null : rounds.stopReason.label, rounds.elapsedMs, confirmation);
  }

  private Report report(AbSection section, boolean complete) {
    List<String> commandLine = new ArrayList<>();
    commandLine.add("concbench");
    commandLine.addAll(spec.commandLine().getParseResult().originalArgs());
    return Report.ab(complete, commandLine, services.environment().get(), section);
  }

  /** The --rounds number, or null for auto. */
  private Integer fixedRounds() {
    if (rounds.strip().equalsIgnoreCase("auto")) {
      return null;
    }
    int n;
    try {
      n = Integer.parseInt(rounds.strip());
    } catch (NumberFormatException e) {
      throw UsageException.invalid("--rounds", rounds, "expected a number of rounds or auto");
    }
    UsageException.requireRange("--rounds", n, 1, MAX_ROUNDS);
    return n;
  }

  /** Refuses a --java-a/--java-b that does not answer {@code -version} as a JVM does. */
  private static void refuseNonJvm(String option, String binary) {
    if (binary == null) {
      return;
    }
    try {
      Process process = new ProcessBuilder(binary, "-version").redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] text = process.getInputStream().readNBytes(4096);
      boolean ended = process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly();
      }
      String said = new String(text, java.nio.charset.StandardCharsets.UTF_8);
      if (!ended || process.exitValue() != 0 || !said.contains("version")) {
        throw UsageException.invalid(option, binary, "not a JVM: '" + binary + " -version' does not answer as java does");
      }
    } catch (IOException e) {
      throw UsageException.invalid(option, binary, "cannot run it: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UsageException.invalid(option, binary, "interrupted while checking it");
    }
  }
}
