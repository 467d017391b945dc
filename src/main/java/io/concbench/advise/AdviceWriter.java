package io.concbench.advise;

import io.concbench.advise.CandidateRules.NotTried;
import io.concbench.advise.SuccessiveHalving.Pick;
import io.concbench.advise.SuccessiveHalving.Standing;
import io.concbench.result.Advice;
import io.concbench.result.Advice.AdviceCandidate;
import io.concbench.result.Scaling.ScalingPoint;
import io.concbench.result.Scaling.UslFit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns what advise measured into its {@link Advice}: the sentence, the evidence, the crossovers. Pure. */
public final class AdviceWriter {

  /** What the assembled results say of a candidate beyond its speedups. */
  public record Evidence(Double efficiency, String efficiencyAgainst, Double startupMs) {
    public static final Evidence NONE = new Evidence(null, null, null);
  }

  /**
   * Everything one advice is written from.
   *
   * @param nextStepMs when stopped for time, about how long the round not started would have taken; NaN
   *     when unknown
   */
  public record Inputs(String workload, Calibration calibration, boolean referenceEstimated,
      SuccessiveHalving halving, List<NotTried> notTried, Map<Candidate, Evidence> evidence, double elapsedMs,
      double maxTimeMs, boolean complete, boolean stoppedForTime, double nextStepMs) {

    public Inputs(String workload, Calibration calibration, boolean referenceEstimated, SuccessiveHalving halving,
        List<NotTried> notTried, Map<Candidate, Evidence> evidence, double elapsedMs, double maxTimeMs,
        boolean complete, boolean stoppedForTime) {
      this(workload, calibration, referenceEstimated, halving, notTried, evidence, elapsedMs, maxTimeMs, complete,
          stoppedForTime, Double.NaN);
    }
  }

  private AdviceWriter() {}

  public static Advice write(Inputs in) {
    Calibration c = in.calibration();
    Pick pick = in.halving().pick();
    Fitted fitted = uslOf(in.halving(), pick);
    UslFit usl = fitted == null ? null : fitted.usl();
    Double minTaskMs = Crossovers.processPoolMinTaskMs(c.dispatchMs(), c.capacity());
    Double minRunMs = Crossovers.processPoolMinRunMs(c.poolStartMs(), c.capacity());
    Advice.Crossovers crossovers = new Advice.Crossovers(minTaskMs, minRunMs, Crossovers.workersBeyondNoHelp(usl),
        fitted == null ? null : fitted.executor(), usl == null ? null : usl.sigma(),
        usl == null ? null : usl.kappa());
    List<AdviceCandidate> candidates = new ArrayList<>();
    for (Standing s : in.halving().standings()) {
      candidates.add(candidate(s, status(s, pick), why(s, pick), in.evidence()));
    }
    for (NotTried n : in.notTried()) {
      Candidate k = n.candidate();
      candidates.add(new AdviceCandidate(k.executor(), k.workers(), k.chunksize() == 0 ? null : k.chunksize(),
          k.guard(), k.hypothesis(), "not-tried", n.why(), 0, null, null, null, null, null));
    }
    AdviceCandidate picked = pick == null ? null : find(candidates, pick.picked().candidate());
    AdviceCandidate runnerUp = pick == null || pick.runnerUp() == null ? null
        : find(candidates, pick.runnerUp().candidate());
    String sentence = sentence(in, pick, picked, minTaskMs, minRunMs);
    Advice.Calibration calibration = new Advice.Calibration(c.taskMs(), c.cpuShare(),
        c.processors() > 1 ? c.capacity() : null, c.processors(), c.poolStartMs(), c.dispatchMs(),
        in.referenceEstimated());
    return new Advice(sentence, picked, runnerUp, pick == null ? null : pick.runnerUpLost(),
        pick != null && pick.withinNoise(), candidates, calibration, crossovers, GilModel.advice(c),
        in.elapsedMs(), in.maxTimeMs(), in.complete(), in.stoppedForTime());
  }

  private static AdviceCandidate find(List<AdviceCandidate> all, Candidate c) {
    return all.stream().filter(a -> a.executor().equals(c.executor()) && a.workers() == c.workers()
        && java.util.Objects.equals(a.chunksize(), c.chunksize() == 0 ? null : c.chunksize())
        && java.util.Objects.equals(a.guard(), c.guard()) && !a.status().equals("not-tried"))
        .findFirst().orElseThrow();
  }

  private static String status(Standing s, Pick pick) {
    if (pick != null && s == pick.picked()) {
      return "picked";
    }
    if (pick != null && s == pick.runnerUp()) {
      return "runner-up";
    }
    if (s.speedups().isEmpty()) {
      return "not-measured";
    }
    return s.dropped() ? "dropped" : "kept";
  }

  private static String why(Standing s, Pick pick) {
    if (pick != null && s == pick.picked()) {
      return null;
    }
    if (pick != null && s == pick.runnerUp()) {
      return pick.runnerUpLost();
    }
    if (s.speedups().isEmpty()) {
      return "interrupted or out of time before its first round";
    }
    if (s.dropped()) {
      return s.droppedWhy();
    }
    return String.format(Locale.ROOT, "standing at the end, %s against the pick's higher median or lower cost",
        SuccessiveHalving.speedup(s.median()));
  }

  private static AdviceCandidate candidate(Standing s, String status, String why, Map<Candidate, Evidence> all) {
    Candidate k = s.candidate();
    Evidence e = all.getOrDefault(k, Evidence.NONE);
    boolean measured = !s.speedups().isEmpty();
    return new AdviceCandidate(k.executor(), k.workers(), k.chunksize() == 0 ? null : k.chunksize(), k.guard(),
        k.hypothesis(), status, why, s.speedups().size(), measured ? s.median() : null,
        measured ? s.interval() : null, e.efficiency(), e.efficiencyAgainst(), e.startupMs());
  }

  /**
   * The USL fitted to the speedups of the picked executor's worker counts, or else of the thread pool's
   * (the one every rule tries at two counts), one worker at speedup 1 added.
   */
  record Fitted(String executor, UslFit usl) {}

  static Fitted uslOf(SuccessiveHalving halving, Pick pick) {
    List<String> executors = new ArrayList<>();
    if (pick != null) {
      executors.add(pick.picked().candidate().executor());
    }
    executors.add(Candidate.THREAD_POOL);
    for (String executor : executors) {
      List<ScalingPoint> points = new ArrayList<>();
      points.add(new ScalingPoint(1, 0, 1.0));
      halving.standings().stream()
          .filter(s -> s.candidate().executor().equals(executor) && !s.speedups().isEmpty()
              && s.candidate().workers() > 1)
          .sorted(Comparator.comparingInt(s -> s.candidate().workers()))
          .forEach(s -> {
            if (points.stream().noneMatch(p -> p.workers() == s.candidate().workers())) {
              points.add(new ScalingPoint(s.candidate().workers(), 0, s.median()));
            }
          });
      UslFit fit = Crossovers.fit(points);
      if (fit != null) {
        return new Fitted(executor, fit);
      }
    }
    return null;
  }

  private static String sentence(Inputs in, Pick pick, AdviceCandidate picked, Double minTaskMs,
      Double minRunMs) {
    Calibration c = in.calibration();
    String next = Double.isNaN(in.nextStepMs()) ? "" : String.format(Locale.ROOT, ": the next round, about %s, "
        + "would have ended past it with %s left", millis(in.nextStepMs()),
        millis(Math.max(0, in.maxTimeMs() - in.elapsedMs())));
    String prefix = !in.complete() ? "interrupted, from what was measured: "
        : in.stoppedForTime() ? "stopped for time (--max-time" + next + "), from the rounds that fitted: " : "";
    if (pick == null) {
      if (in.stoppedForTime() && in.complete()) {
        return String.format(Locale.ROOT, "stopped for time before any candidate was measured%s: no advice; "
            + "give --max-time %s or more", next, seconds(in.elapsedMs() + (Double.isNaN(in.nextStepMs()) ? 0
                : 3 * in.nextStepMs())));
      }
      return prefix + "nothing was measured: no advice";
    }
    String against = in.referenceEstimated() ? "one thread (estimated from calibration)" : "one thread";
    String interval = picked.speedupCi() == null ? "" : String.format(Locale.ROOT, " [%.2f, %.2f]",
        picked.speedupCi().low(), picked.speedupCi().high());
    StringBuilder text = new StringBuilder(prefix);
    if (picked.executor().equals(Candidate.SINGLE)) {
      text.append(String.format(Locale.ROOT, "run %s on one thread: no parallel executor pays for tasks of "
          + "%s here", in.workload(), millis(c.taskMs())));
      if (pick.runnerUp() != null) {
        text.append(String.format(Locale.ROOT, " (best other: %s at %s)", pick.runnerUp().candidate().label(),
            SuccessiveHalving.speedup(pick.runnerUp().median())));
      }
      if (minTaskMs != null) {
        text.append(String.format(Locale.ROOT, "; a process pool pays only for tasks above %s at chunksize 1",
            millis(minTaskMs)));
        if (minRunMs != null && c.dispatchMs() != null) {
          // Chunks make the dispatch small; the pool's start is paid once whatever the chunks.
          int chunk = (int) Math.max(1, Math.ceil(c.dispatchMs() / (CandidateRules.DISPATCH_SHARE * c.taskMs())));
          text.append(String.format(Locale.ROOT, ", or with chunks of >= %d tasks (dispatch under %.0f %% of "
              + "their work) for runs above %s of one thread's work (its start, %s, is paid once); this run is %s",
              chunk, CandidateRules.DISPATCH_SHARE * 100, millis(minRunMs), millis(c.poolStartMs()),
              millis(c.taskMs() * c.tasks())));
        }
      }
    } else {
      text.append(String.format(Locale.ROOT, "run %s on %s: %s%s over %s", in.workload(),
          pick.picked().candidate().label(), SuccessiveHalving.speedup(picked.speedup()), interval, against));
      if (picked.efficiency() != null) {
        text.append(String.format(Locale.ROOT, ", %.2f of the %s", picked.efficiency(),
            "bound".equals(picked.efficiencyAgainst()) ? "bound the cores allow this work"
                : String.format(Locale.ROOT, "%.2f cores the machine gave", c.capacity())));
      }
      if (picked.startupMs() != null) {
        text.append(String.format(Locale.ROOT, ", %s to start once", millis(picked.startupMs())));
      }
    }
    if (pick.withinNoise()) {
      text.append(String.format(Locale.ROOT, "; %s is within noise of it, the cheaper one was picked",
          pick.runnerUp().candidate().label()));
    } else if (pick.runnerUp() != null && !pick.runnerUp().dropped()
        && SuccessiveHalving.overlap(pick.runnerUp().interval(), pick.picked().interval())) {
      text.append(String.format(Locale.ROOT, "; %s (%s) is not clearly slower: their intervals overlap",
          pick.runnerUp().candidate().label(), SuccessiveHalving.speedup(pick.runnerUp().median())));
    }
    // Work that only waits overlaps its waits whatever the cores: the capacity does not shape its advice.
    if (c.busy() && c.cpuShare() >= Calibration.ONLY_WAITS) {
      text.append(String.format(Locale.ROOT, "; this assumes the capacity the probe found: %.2f of %d cores "
          + "(the machine is busy), so %s; on a quiet machine re-run advise: more workers may pay",
          c.capacity(), c.processors(), c.cpuBound() ? "CPU-bound work gains at most about that" 
              : "waits overlap, but computing parts take turns"));
    }
    return text.toString();
  }

  /** A --max-time that fits, in whole seconds rounded up to 10. */
  public static String seconds(double ms) {
    return String.format(Locale.ROOT, "%ds", (long) Math.ceil(ms / 10_000) * 10);
  }

  public static String millis(double ms) {
    if (ms >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }
    if (ms >= 1) {
      return String.format(Locale.ROOT, "%.1f ms", ms);
    }
    if (ms >= 0.001) {
      return String.format(Locale.ROOT, "%.1f us", ms * 1000);
    }
    return String.format(Locale.ROOT, "%.0f ns", ms * 1e6);
  }
}
