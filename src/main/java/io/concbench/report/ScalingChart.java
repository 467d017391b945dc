package io.concbench.report;

import io.concbench.result.Scaling;
import io.concbench.stats.ScalingFits;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The speedup-vs-workers chart of a matrix's sweeps: the measured speedups, the curves of Amdahl's law and
 * the USL fitted to them, and the ideal.
 */
final class ScalingChart {

  private static final double CURVE_STEPS = 200;
  private static final Stroke AMDAHL_STROKE = ChartStyle.dashed(1.6f, 7f, 4f);
  private static final Stroke USL_STROKE = ChartStyle.dashed(1.6f, 1.5f, 3.5f);

  private ScalingChart() {}

  /**
   * The chart of a workload's sweeps, each executor in its colour.
   *
   * @param colours each executor's colour, as the report's other charts have it
   */
  static JFreeChart draw(String workload, List<Scaling> scalings, Map<String, Color> colours) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    ReportCharts.keepSeriesLooks(renderer);
    renderer.setDrawSeriesLineAsPath(true); // else each of a curve's 200 segments restarts its dashes: solid
    renderer.setDrawOutlines(true);
    renderer.setUseOutlinePaint(true);
    LegendItemCollection legend = new LegendItemCollection();
    List<String> labels = ResultLabels.ofScalings(scalings);
    int maxWorkers = scalings.stream().flatMap(s -> s.points().stream()).mapToInt(Scaling.ScalingPoint::workers)
        .max().orElse(1);
    // The axis is the data's, the measured points' and the fitted curves': the ideal (speedup = workers) is
    // drawn on and cut at the top. Had the ideal set it, 8 workers on 2 cores would squash speedups of 1 to 2
    // into the plot's bottom quarter.
    double highest = 1;
    // Each later sweep's mark is smaller, so that where two sweeps measured the same speedup both show.
    List<Shape> shapes = List.of(new Ellipse2D.Double(-6.5, -6.5, 13, 13), new Rectangle2D.Double(-4, -4, 8, 8),
        diamond(3.5), new Ellipse2D.Double(-2, -2, 4, 4));
    // Drawn in this order, so the measured points lie on top of the curves and the ideal under everything.
    addCurve(data, renderer, "ideal", n -> n, maxWorkers, ChartStyle.MUTED, ChartStyle.line(1.2f));
    for (int i = 0; i < scalings.size(); i++) {
      Scaling s = scalings.get(i);
      Color colour = colours.get(s.executor());
      if (s.amdahl() != null) {
        double serial = s.amdahl().serialFraction();
        highest = Math.max(highest, addCurve(data, renderer, labels.get(i) + " Amdahl",
            n -> ScalingFits.amdahlSpeedup(n, serial), maxWorkers, colour, AMDAHL_STROKE));
      }
      if (s.usl() != null) {
        double sigma = s.usl().sigma();
        double kappa = s.usl().kappa();
        highest = Math.max(highest, addCurve(data, renderer, labels.get(i) + " USL",
            n -> ScalingFits.uslSpeedup(n, sigma, kappa), maxWorkers, colour, USL_STROKE));
      }
    }
    for (int i = 0; i < scalings.size(); i++) {
      Scaling s = scalings.get(i);
      Color colour = colours.get(s.executor());
      Shape shape = shapes.get(i % shapes.size());
      XYSeries points = new XYSeries(labels.get(i) + " measured", false, true);
      double dodge = dodge(i, scalings.size(), maxWorkers);
      for (Scaling.ScalingPoint p : s.points()) {
        points.add(p.workers() + dodge, p.speedup());
        highest = Math.max(highest, p.speedup());
      }
      int series = data.getSeriesCount();
      data.addSeries(points);
      renderer.setSeriesLinesVisible(series, false);
      renderer.setSeriesShapesVisible(series, true);
      renderer.setSeriesShape(series, shape);
      renderer.setSeriesPaint(series, colour);
      renderer.setSeriesOutlinePaint(series, Color.WHITE); // two executors' equal points stay apart
      renderer.setSeriesOutlineStroke(series, ChartStyle.line(1.2f));
      legend.add(new LegendItem(labels.get(i) + " (vs " + s.reference() + ")", null, null, null, shape, colour));
    }
    if (scalings.stream().anyMatch(s -> s.amdahl() != null)) {
      legend.add(lineItem("Amdahl fit", ChartStyle.INK, AMDAHL_STROKE));
    }
    if (scalings.stream().anyMatch(s -> s.usl() != null)) {
      legend.add(lineItem("USL fit", ChartStyle.INK, USL_STROKE));
    }
    legend.add(lineItem("ideal: speedup = workers", ChartStyle.MUTED, ChartStyle.line(1.2f)));

    NumberAxis workers = new NumberAxis("workers");
    ChartStyle.localeFree(workers, true);
    workers.setRange(0, maxWorkers + Math.max(0.5, maxWorkers * 0.04));
    NumberAxis speedup = new NumberAxis("speedup");
    ChartStyle.localeFree(speedup, false);
    speedup.setRange(0, highest * 1.12);
    XYPlot plot = new XYPlot(data, workers, speedup, renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setFixedLegendItems(legend);
    return ReportCharts.chart(workload + ": speedup vs workers", plot, true);
  }

  /**
   * How far sweep {@code index} of {@code sweeps} sets its points beside their worker count: the sweeps
   * side by side, centred on it, so that two executors that measured the same speedup at the same count
   * show two marks (their shapes differ too). A hundredth of the axis apart: about 9 px on the page's chart.
   */
  static double dodge(int index, int sweeps, int maxWorkers) {
    return (index - (sweeps - 1) / 2.0) * 0.011 * maxWorkers;
  }

  /** Adds the curve sampled from 1 to {@code maxWorkers}; returns its highest value. */
  private static double addCurve(XYSeriesCollection data, XYLineAndShapeRenderer renderer, String name,
      DoubleUnaryOperator curve, int maxWorkers, Paint paint, Stroke stroke) {
    XYSeries series = new XYSeries(name, false, true);
    double highest = 0;
    for (int step = 0; step <= CURVE_STEPS; step++) {
      double n = 1 + (maxWorkers - 1) * step / CURVE_STEPS;
      double value = curve.applyAsDouble(n);
      series.add(n, value);
      highest = Math.max(highest, value);
    }
    int index = data.getSeriesCount();
    data.addSeries(series);
    renderer.setSeriesLinesVisible(index, true);
    renderer.setSeriesShapesVisible(index, false);
    renderer.setSeriesPaint(index, paint);
    renderer.setSeriesStroke(index, stroke);
    return highest;
  }

  private static LegendItem lineItem(String label, Paint paint, Stroke stroke) {
    Shape line = new Line2D.Double(-12, 0, 12, 0);
    return new LegendItem(label, null, null, null, false, line, false, paint, false, paint, stroke, true, line,
        stroke, paint);
  }

  private static Shape diamond(double r) {
    Path2D.Double path = new Path2D.Double();
    path.moveTo(0, -r);
    path.lineTo(r, 0);
    path.lineTo(0, r);
    path.lineTo(-r, 0);
    path.closePath();
    return path;
  }

}
