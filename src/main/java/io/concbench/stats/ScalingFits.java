package io.concbench.stats;

import io.concbench.result.Scaling.AmdahlFit;
import io.concbench.result.Scaling.ScalingPoint;
import io.concbench.result.Scaling.UslFit;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer.Optimum;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.fitting.leastsquares.MultivariateJacobianFunction;
import org.apache.commons.math3.fitting.leastsquares.ParameterValidator;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Least-squares fits of Amdahl's law and the Universal Scalability Law (Gunther) to measured speedups,
 * with commons-math3's Levenberg-Marquardt optimiser. Both laws are fitted to the speedups themselves (not
 * to their reciprocals), so a point's residual is in the unit a reader sees on the chart.
 */
public final class ScalingFits {

  private static final int MAX_EVALUATIONS = 10_000;

  private ScalingFits() {}

  /** Amdahl's serial fraction; null unless some point has more than one worker. */
  public static AmdahlFit amdahl(List<ScalingPoint> points) {
    if (beyondOneWorker(points) < 1) {
      return null;
    }
    double[] fitted = optimise(points, new double[] {0.1}, ScalingFits::amdahlModel, ScalingFits::clampAmdahl);
    double s = fitted[0];
    double[] predicted = predict(points, n -> amdahlSpeedup(n, s));
    return new AmdahlFit(s, s > 0 ? 1 / s : null, rSquared(points, predicted), rmse(points, predicted));
  }

  /** The USL's contention and coherency; null unless two points have more than one worker. */
  public static UslFit usl(List<ScalingPoint> points) {
    if (beyondOneWorker(points) < 2) {
      return null;
    }
    double[] fitted = optimise(points, new double[] {0.1, 0.01}, ScalingFits::uslModel, ScalingFits::clampUsl);
    double sigma = fitted[0];
    double kappa = fitted[1];
    double[] predicted = predict(points, n -> uslSpeedup(n, sigma, kappa));
    Double peakWorkers = null;
    Double peakSpeedup = null;
    if (kappa > 0) {
      // Below one worker the formula's peak means "more workers only ever slowed it": the best is one.
      peakWorkers = Math.max(1, Math.sqrt((1 - sigma) / kappa));
      peakSpeedup = uslSpeedup(peakWorkers, sigma, kappa);
    }
    return new UslFit(sigma, kappa, peakWorkers, peakSpeedup, rSquared(points, predicted),
        rmse(points, predicted));
  }

  public static double amdahlSpeedup(double workers, double serialFraction) {
    return workers / (1 + serialFraction * (workers - 1));
  }

  public static double uslSpeedup(double workers, double sigma, double kappa) {
    return workers / (1 + sigma * (workers - 1) + kappa * workers * (workers - 1));
  }

  private interface Model {
    /** Value and gradient (by parameter) of the speedup at {@code n} workers. */
    double[] valueAndGradient(double n, double[] parameters);
  }

  private static double[] amdahlModel(double n, double[] p) {
    double denominator = 1 + p[0] * (n - 1);
    return new double[] {n / denominator, -n * (n - 1) / (denominator * denominator)};
  }

  private static double[] uslModel(double n, double[] p) {
    double denominator = 1 + p[0] * (n - 1) + p[1] * n * (n - 1);
    double squared = denominator * denominator;
    return new double[] {n / denominator, -n * (n - 1) / squared, -n * n * (n - 1) / squared};
  }

  private static RealVector clampAmdahl(RealVector p) {
    return new ArrayRealVector(new double[] {clamp(p.getEntry(0), 0, 1)});
  }

  private static RealVector clampUsl(RealVector p) {
    return new ArrayRealVector(
        new double[] {clamp(p.getEntry(0), 0, 1), clamp(p.getEntry(1), 0, Double.MAX_VALUE)});
  }

  private static double[] optimise(List<ScalingPoint> points, double[] start, Model model,
      ParameterValidator validator) {
    double[] observed = points.stream().mapToDouble(ScalingPoint::speedup).toArray();
    MultivariateJacobianFunction function = parameters -> {
      double[] p = parameters.toArray();
      double[] values = new double[points.size()];
      double[][] jacobian = new double[points.size()][p.length];
      for (int i = 0; i < points.size(); i++) {
        double[] vg = model.valueAndGradient(points.get(i).workers(), p);
        values[i] = vg[0];
        System.arraycopy(vg, 1, jacobian[i], 0, p.length);
      }
      return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    };
    Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
        .start(start)
        .model(function)
        .target(observed)
        .parameterValidator(validator)
        .maxEvaluations(MAX_EVALUATIONS)
        .maxIterations(MAX_EVALUATIONS)
        .build());
    return validator.validate(optimum.getPoint()).toArray();
  }

  private static int beyondOneWorker(List<ScalingPoint> points) {
    return (int) points.stream().filter(p -> p.workers() > 1).count();
  }

  private static double[] predict(List<ScalingPoint> points, DoubleUnaryOperator law) {
    return points.stream().mapToDouble(p -> law.applyAsDouble(p.workers())).toArray();
  }

  private static Double rSquared(List<ScalingPoint> points, double[] predicted) {
    double mean = points.stream().mapToDouble(ScalingPoint::speedup).average().orElse(0);
    double total = 0;
    double residual = 0;
    for (int i = 0; i < predicted.length; i++) {
      double observed = points.get(i).speedup();
      total += (observed - mean) * (observed - mean);
      residual += (observed - predicted[i]) * (observed - predicted[i]);
    }
    return total > 0 ? 1 - residual / total : null;
  }

  private static double rmse(List<ScalingPoint> points, double[] predicted) {
    double sum = 0;
    for (int i = 0; i < predicted.length; i++) {
      double error = points.get(i).speedup() - predicted[i];
      sum += error * error;
    }
    return Math.sqrt(sum / predicted.length);
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }
}
