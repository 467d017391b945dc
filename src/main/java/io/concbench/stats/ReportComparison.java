package io.concbench.stats;

import io.concbench.result.Environment;
import io.concbench.result.Report;
import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pairs the results of two reports (same workload, executor, workers, tasks, parameters, guard,
 * chunksize and offered rate) and compares every metric of every pair.
 */
public final class ReportComparison {

  private ReportComparison() {}

  /** What identifies "the same measurement" in two reports. */
  public record Key(String workload, String executor, int workers, int tasks, Map<String, Object> params,
      String guard, Integer chunksize, Double offeredPerS) {

    public Key(String workload, String executor, int workers, int tasks, Map<String, Object> params,
        String guard, Integer chunksize) {
      this(workload, executor, workers, tasks, params, guard, chunksize, null);
    }

    /** A rate run pairs only with one at the same offered rate, never with a closed run (null). */
    static Key of(Result r) {
      Result.Case c = r.benchmarkCase();
      return new Key(c.workload(), c.executor(), c.workers(), c.tasks(),
          c.params() == null ? Map.of() : c.params(), c.guard(), c.chunksize(),
          r.rate() == null ? null : r.rate().offeredPerS());
    }

    public String label() {
      StringBuilder text = new StringBuilder(workload).append(" on ").append(executor)
          .append(" (workers ").append(workers).append(", tasks ").append(tasks);
      params.forEach((k, v) -> text.append(", ").append(k).append('=').append(v));
      if (guard != null) {
        text.append(", guard ").append(guard);
      }
      if (chunksize != null) {
        text.append(", chunksize ").append(chunksize);
      }
      if (offeredPerS != null) {
        text.append(", at ").append(io.concbench.result.Params.text(offeredPerS)).append("/s");
      }
      return text.append(')').toString();
    }
  }

  public record MetricOutcome(Metric metric, SampleComparison comparison) {}

  /**
   * @param capacityNote set when both results carry a capacity and it fell by more than the threshold: a
   *     "regression" in those minutes may be the machine's, not the code's
   * @param backgroundNote set when other processes took a noticeable share of the cores during the current
   *     result's runs and clearly more than during the baseline's: the same doubt, from inside the machine
   */
  public record PairOutcome(Key key, List<MetricOutcome> metrics, String capacityNote, String backgroundNote) {
    /** The notes that are set, the capacity's first. */
    public List<String> notes() {
      List<String> notes = new ArrayList<>();
      if (capacityNote != null) {
        notes.add(capacityNote);
      }
      if (backgroundNote != null) {
        notes.add(backgroundNote);
      }
      return notes;
    }

    public boolean regressed() {
      return metrics.stream().anyMatch(m -> m.comparison().verdict() == Verdict.REGRESSED);
    }

    public boolean improved() {
      return metrics.stream().anyMatch(m -> m.comparison().verdict() == Verdict.IMPROVED);
    }

    /** Whether any metric got a verdict: not when every one had too few samples, or none could be compared. */
    public boolean judged() {
      return metrics.stream().anyMatch(m -> m.comparison().verdict() != Verdict.TOO_FEW_SAMPLES);
    }
  }

  public record Outcome(List<PairOutcome> pairs, List<Key> baselineOnly, List<Key> currentOnly,
      List<String> environmentDifferences) {

    public long regressions() {
      return pairs.stream().filter(PairOutcome::regressed).count();
    }

    public long improvements() {
      return pairs.stream().filter(PairOutcome::improved).count();
    }

    /** The pairs no metric of which could be judged: a gate that passes them has not looked at them. */
    public List<PairOutcome> unjudged() {
      return pairs.stream().filter(p -> !p.judged()).toList();
    }
  }

  public static Outcome compare(Report baseline, Report current, ComparisonRule rule) {
    Map<Key, Result> currentByKey = new LinkedHashMap<>();
    current.results().forEach(r -> currentByKey.putIfAbsent(Key.of(r), r));
    List<PairOutcome> pairs = new ArrayList<>();
    List<Key> baselineOnly = new ArrayList<>();
    Map<Key, Boolean> paired = new LinkedHashMap<>();
    for (Result b : baseline.results()) {
      Key key = Key.of(b);
      Result c = currentByKey.get(key);
      if (c == null || paired.containsKey(key)) {
        baselineOnly.add(key);
        continue;
      }
      paired.put(key, true);
      List<MetricOutcome> metrics = new ArrayList<>();
      for (Metric metric : Metric.values()) {
        Optional<List<Double>> bs = metric.samples(b);
        Optional<List<Double>> cs = metric.samples(c);
        if (bs.isPresent() && cs.isPresent() && hasPositive(bs.get()) && hasPositive(cs.get())) {
          metrics.add(new MetricOutcome(metric,
              SampleComparison.of(bs.get(), cs.get(), metric.lowerIsBetter(), rule)));
        }
      }
      pairs.add(new PairOutcome(key, metrics, capacityNote(b, c, rule), backgroundNote(b, c)));
    }
    List<Key> currentOnly = currentByKey.keySet().stream().filter(k -> !paired.containsKey(k)).toList();
    return new Outcome(pairs, baselineOnly, currentOnly,
        environmentDifferences(baseline.environment(), current.environment()));
  }

  /**
   * Keeps a regression only where the confirmation (BASELINE against a re-run of CURRENT's results) found
   * the same metric of the same result regressed again; the others become {@link Verdict#NOT_REPRODUCED}.
   */
  public static Outcome confirm(Outcome original, Outcome confirmation) {
    Map<Key, PairOutcome> again = new LinkedHashMap<>();
    confirmation.pairs().forEach(p -> again.put(p.key(), p));
    List<PairOutcome> pairs = new ArrayList<>();
    for (PairOutcome pair : original.pairs()) {
      PairOutcome rerun = again.get(pair.key());
      List<MetricOutcome> metrics = new ArrayList<>();
      for (MetricOutcome m : pair.metrics()) {
        boolean reproduced = rerun != null && rerun.metrics().stream().anyMatch(
            r -> r.metric() == m.metric() && r.comparison().verdict() == Verdict.REGRESSED);
        metrics.add(m.comparison().verdict() != Verdict.REGRESSED || reproduced ? m
            : new MetricOutcome(m.metric(), m.comparison().withVerdict(Verdict.NOT_REPRODUCED)));
      }
      pairs.add(new PairOutcome(pair.key(), metrics, pair.capacityNote(), pair.backgroundNote()));
    }
    return new Outcome(pairs, original.baselineOnly(), original.currentOnly(), original.environmentDifferences());
  }

  /** Names a capacity drop between the two results, which would explain a slower current report. */
  static String capacityNote(Result baseline, Result current, ComparisonRule rule) {
    Result.Capacity was = baseline.capacity();
    Result.Capacity is = current.capacity();
    if (was.probe() == null || is.probe() == null) {
      return null;
    }
    double before = was.probe().median();
    double after = is.probe().median();
    if (after >= before / (1 + rule.threshold())) {
      return null;
    }
    String efficiency = was.efficiencyVsCapacity() == null || is.efficiencyVsCapacity() == null ? ""
        : String.format(java.util.Locale.ROOT, "; efficiency against capacity %.2f -> %.2f",
            was.efficiencyVsCapacity(), is.efficiencyVsCapacity());
    return String.format(java.util.Locale.ROOT,
        "the machine's capacity fell from %.2f to %.2f of %d cores between the two runs%s", before, after,
        is.probe().k(), efficiency);
  }

  /**
   * Names other processes that competed with the current result's runs: where they crowded it (as a result
   * warns of them), and took a fifth of a core more than during the baseline's (or the baseline's unknown).
   */
  static String backgroundNote(Result baseline, Result current) {
    Double after = otherCores(current);
    if (!BackgroundCrowding.crowded(current.backgroundLoad(), current.timing().coresUsed())) {
      return null;
    }
    Double before = otherCores(baseline);
    if (before != null && after - before < BackgroundCrowding.BUSY_CORES) {
      return null;
    }
    return String.format(java.util.Locale.ROOT, "other processes used %.2f cores during the current runs, %s%s",
        after, before == null ? "the baseline's unknown" : String.format(java.util.Locale.ROOT,
            "%.2f during the baseline's", before),
        BackgroundCrowding.busiest(current.backgroundLoad()));
  }

  private static Double otherCores(Result r) {
    return r.backgroundLoad() == null ? null : r.backgroundLoad().otherCores();
  }

  private static boolean hasPositive(List<Double> samples) {
    return samples.stream().anyMatch(v -> v != null && v > 0);
  }

  /** The facts that make a comparison across machines, JDKs, JVM options or builds usually meaningless. */
  static List<String> environmentDifferences(Environment a, Environment b) {
    List<String> differences = new ArrayList<>();
    if (a == null || b == null) {
      return differences;
    }
    differ(differences, "CPU model differs", a, b, Environment::cpuModel);
    differ(differences, "available processors differs", a, b, Environment::availableProcessors);
    differ(differences, "Java version differs", a, b, Environment::javaVersion);
    differ(differences, "Java VM differs", a, b, Environment::javaVm);
    differ(differences, "operating system differs", a, b, e -> e.osName() + " " + e.osVersion());
    // What the JVM was told and what ran in it change the figures as much as another JDK does.
    differ(differences, "JVM options differ", a, b, e -> e.jvmArgs() == null || e.jvmArgs().isEmpty() ? "none"
        : String.join(" ", e.jvmArgs()));
    differ(differences, "concbench version differs", a, b, Environment::concbenchVersion);
    differ(differences, "plug-ins differ", a, b, ReportComparison::plugins);
    if (a.concbenchSha256() != null && b.concbenchSha256() != null) { // unknown for a run from classes
      differ(differences, "concbench jar differs (SHA-256)", a, b, Environment::concbenchSha256);
    }
    return differences;
  }

  /** The plug-ins as a comparison sees them: which jar, by content; "none" without any. */
  private static String plugins(Environment e) {
    return e.plugins().isEmpty() ? "none" : String.join(", ", e.plugins().stream()
        .map(p -> p.name() + " " + p.path() + " (sha256 " + p.sha256().substring(0, Math.min(12, p.sha256().length()))
            + ")").toList());
  }

  /** Adds "{@code what}: x vs y" when the fact differs; {@code what} says it ("Java version differs"). */
  private static void differ(List<String> out, String what, Environment a, Environment b,
      Function<Environment, Object> fact) {
    Object x = fact.apply(a);
    Object y = fact.apply(b);
    if (!Objects.equals(x, y)) {
      out.add(what + ": " + x + " vs " + y);
    }
  }
}
