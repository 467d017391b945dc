package io.concbench.advise;

import io.concbench.result.Scaling.ScalingPoint;
import io.concbench.result.Scaling.UslFit;
import io.concbench.stats.ScalingFits;
import java.util.List;

/** Where the advice changes: the task size a process pool needs, the worker count beyond which more do not help. */
public final class Crossovers {

  /** More workers "stop helping" where the USL curve is within this share of its highest speedup. */
  static final double NEAR_PEAK = 0.95;
  static final int MAX_WORKERS = 4096;

  private Crossovers() {}

  /**
   * The task time below which a process pool at chunksize 1 loses to one thread here: with capacity C, a
   * task of t ms runs in t / C plus its dispatch d, which beats t only while t (1 - 1/C) > d. Null without
   * a measured dispatch or without a second core.
   */
  public static Double processPoolMinTaskMs(Double dispatchMs, double capacity) {
    if (dispatchMs == null || capacity <= 1.05) {
      return null;
    }
    return dispatchMs / (1 - 1 / capacity);
  }

  /**
   * One thread's time for a whole run below which a process pool's start is not repaid here, however its
   * tasks are chunked: the pool saves at most (1 - 1/C) of the run and pays its start s once, so it needs a
   * run over s / (1 - 1/C). Null without a measured start or without a second core.
   */
  public static Double processPoolMinRunMs(Double poolStartMs, double capacity) {
    if (poolStartMs == null || capacity <= 1.05) {
      return null;
    }
    return poolStartMs / (1 - 1 / capacity);
  }

  /**
   * The USL fitted to the measured speedups of one executor at its worker counts (one worker at speedup 1
   * added): null with fewer than two counts beyond one.
   */
  public static UslFit fit(List<ScalingPoint> points) {
    return ScalingFits.usl(points);
  }

  /**
   * The smallest worker count whose fitted speedup is within {@link #NEAR_PEAK} of the curve's highest
   * (its peak when coherency bends it down, 1 / σ otherwise): beyond it more workers add less than 5 %.
   * Null when the fit never levels off (σ and κ both 0).
   */
  public static Integer workersBeyondNoHelp(UslFit usl) {
    if (usl == null) {
      return null;
    }
    double highest;
    if (usl.kappa() > 0 && usl.peakSpeedup() != null) {
      highest = usl.peakSpeedup();
    } else if (usl.sigma() > 0) {
      highest = 1 / usl.sigma();
    } else {
      return null;
    }
    for (int n = 1; n <= MAX_WORKERS; n++) {
      if (ScalingFits.uslSpeedup(n, usl.sigma(), usl.kappa()) >= NEAR_PEAK * highest) {
        return n;
      }
    }
    return null;
  }
}
