package io.concbench.stats;

import io.concbench.result.Result;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;

/** A figure a comparison tests, with its per-run samples and which direction is better. */
public enum Metric {
  WALL_MS("wall_ms", "wall", true) {
    @Override
    Optional<List<Double>> samples(Result r) {
      return Optional.of(r.timing().wallMs().samples());
    }
  },
  CPU_MS("cpu_ms", "cpu", true) {
    @Override
    Optional<List<Double>> samples(Result r) {
      return Optional.ofNullable(r.timing().cpuMs()).map(s -> s.samples());
    }
  },
  /**
   * Each run's 99th-percentile task time: labelled apart from the run table's "p99 task", which is the
   * percentile of all runs' tasks together, a different figure for the same report.
   */
  LATENCY_P99_US("latency_p99_us", "p99 per run", true) {
    @Override
    Optional<List<Double>> samples(Result r) {
      return Optional.ofNullable(r.timing().latencyUs()).map(l -> l.p99PerRun()).filter(l -> !l.isEmpty());
    }
  },
  THROUGHPUT_PER_S("throughput_per_s", "tasks/s per run", false) {
    @Override
    Optional<List<Double>> samples(Result r) {
      int tasks = r.benchmarkCase().tasks();
      return Optional.of(r.timing().wallMs().samples().stream().map(ms -> ms > 0 ? tasks * 1000.0 / ms : 0.0)
          .toList());
    }
  },
  /**
   * Run i's speedup against the capacity probed in its round: (baseline median / wall_i) / capacity_i, the
   * baseline median being speedup × this result's median. Only where both a speedup and one capacity
   * sample per run exist.
   */
  EFFICIENCY_VS_CAPACITY("efficiency_vs_capacity", "eff/capacity per run", false) {
    @Override
    Optional<List<Double>> samples(Result r) {
      if (!perRun(r)) {
        return Optional.empty();
      }
      return Optional.of(perRunEfficiency(r, i -> r.capacity().probe().samples().get(i)));
    }
  },
  /**
   * Run i's speedup against its round's bound: (baseline median / wall_i) / min(workers, capacity_i / d).
   * Only for work that waits as well as computes ({@link Result.Capacity#partlyWaiting}): for all-CPU work it is
   * {@code efficiency_vs_capacity} again, and a second row of the same figure would only double its weight
   * in a verdict.
   */
  EFFICIENCY_VS_BOUND("efficiency_vs_bound", "eff/bound per run", false) {
    @Override
    Optional<List<Double>> samples(Result r) {
      if (!r.capacity().partlyWaiting() || !perRun(r)) {
        return Optional.empty();
      }
      return Optional.of(perRunEfficiency(r, i -> SpeedupBound.bound(r.benchmarkCase().workers(),
          r.capacity().probe().samples().get(i), r.capacity().baselineCpuShare())));
    }
  };

  private final String key;
  private final String label;
  private final boolean lowerIsBetter;

  Metric(String key, String label, boolean lowerIsBetter) {
    this.key = key;
    this.label = label;
    this.lowerIsBetter = lowerIsBetter;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public boolean lowerIsBetter() {
    return lowerIsBetter;
  }

  /** One sample per measured run, or empty if the report does not carry them (older or foreign reports). */
  abstract Optional<List<Double>> samples(Result r);

  /** Whether a result has a speedup and one capacity sample per measured run. */
  private static boolean perRun(Result r) {
    return r.comparison().speedup() != null && r.capacity().probe() != null
        && r.capacity().probe().samples().size() == r.timing().wallMs().samples().size();
  }

  /**
   * Run i's speedup, the baseline's median (speedup × this median) over wall_i, divided by what its round
   * is set against; 0 where either is not positive.
   */
  private static List<Double> perRunEfficiency(Result r, IntToDoubleFunction against) {
    double baselineMedian = r.comparison().speedup() * r.timing().wallMs().median();
    List<Double> walls = r.timing().wallMs().samples();
    List<Double> efficiency = new ArrayList<>();
    for (int i = 0; i < walls.size(); i++) {
      double reference = against.applyAsDouble(i);
      efficiency.add(walls.get(i) > 0 && reference > 0 ? baselineMedian / walls.get(i) / reference : 0.0);
    }
    return efficiency;
  }
}
