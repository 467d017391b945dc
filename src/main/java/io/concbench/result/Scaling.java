package io.concbench.result;

import java.util.List;
import java.util.Map;

/**
 * How one workload on one executor scaled over the worker counts a {@code matrix} swept, with Amdahl's law
 * and the Universal Scalability Law fitted to the measured speedups. Every field is documented in
 * docs/json-schema.md.
 *
 * @param chunksize {@code --chunksize} as given for {@code process-pool} (null: the default, or another executor)
 * @param reference what the speedups are relative to: {@code "workers=1"} (the same executor with one
 *     worker, when the sweep has it) or {@code "single"} (the single-thread baseline otherwise)
 * @param referenceWallMs the median wall time of that reference
 * @param amdahl null with fewer than one point beyond one worker
 * @param usl null with fewer than two points beyond one worker
 */
public record Scaling(
    String workload,
    String executor,
    Map<String, Object> params,
    String guard,
    Integer chunksize,
    String reference,
    double referenceWallMs,
    List<ScalingPoint> points,
    AmdahlFit amdahl,
    UslFit usl) {

  public Scaling {
    params = Params.normalize(params);
  }

  /** One measured worker count: its median wall time and its speedup over the reference. */
  public record ScalingPoint(int workers, double wallMs, double speedup) {}

  /**
   * Amdahl's law, S(N) = N / (1 + s (N - 1)).
   *
   * @param serialFraction s, the share of the work that does not run in parallel, in [0, 1]
   * @param maxSpeedup 1 / s, the speedup no number of workers exceeds (null when s is 0)
   * @param rSquared share of the speedups' variance the fit explains (null when they do not vary)
   * @param rmse root mean square error of the fitted speedups
   */
  public record AmdahlFit(double serialFraction, Double maxSpeedup, Double rSquared, double rmse) {}

  /**
   * The Universal Scalability Law, S(N) = N / (1 + σ (N - 1) + κ N (N - 1)).
   *
   * @param sigma σ, contention (queueing for a shared resource), in [0, 1]
   * @param kappa κ, coherency (the cost of keeping workers' views consistent), at least 0; above 0 the
   *     curve has a peak and falls after it: more workers make the work slower
   * @param peakWorkers sqrt((1 - σ) / κ), the worker count of the highest speedup (null when κ is 0)
   * @param peakSpeedup the fitted speedup at that worker count (null when κ is 0)
   */
  public record UslFit(
      double sigma, double kappa, Double peakWorkers, Double peakSpeedup, Double rSquared, double rmse) {}
}
