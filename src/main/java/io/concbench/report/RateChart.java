package io.concbench.report;

import io.concbench.result.RateSummary;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latency-throughput curves of a {@code matrix --rate}: p50 and p99 latency (from each task's intended
 * release) against the offered rate, both on log scales, a line per executor in its colour; the knee ringed.
 */
final class RateChart {

  private static final Stroke P50_STROKE = ChartStyle.dashed(1.6f, 6f, 4f);
  private static final Stroke P99_STROKE = ChartStyle.line(2f);

  private RateChart() {}

  /** The chart of one workload's curves (each with two or more rates). */
  static JFreeChart draw(String workload, List<RateCurves.Curve> curves, Map<String, Color> colours,
      List<String> executors) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    ReportCharts.keepSeriesLooks(renderer);
    LegendItemCollection legend = new LegendItemCollection();
    double lowest = Double.MAX_VALUE;
    double highest = 0;
    double fewestMs = Double.MAX_VALUE;
    double mostMs = 0;
    for (int i = 0; i < curves.size(); i++) {
      RateCurves.Curve curve = curves.get(i);
      Color colour = colours.get(executors.get(i));
      XYSeries p50 = new XYSeries(curve.label() + " p50", false, true);
      XYSeries p99 = new XYSeries(curve.label() + " p99", false, true);
      for (RateSummary point : curve.points()) {
        double p50Ms = Math.max(point.latencyUs().p50(), 1) / 1e3;
        double p99Ms = Math.max(point.latencyUs().p99(), 1) / 1e3;
        p50.add(point.offeredPerS(), p50Ms);
        p99.add(point.offeredPerS(), p99Ms);
        lowest = Math.min(lowest, point.offeredPerS());
        highest = Math.max(highest, point.offeredPerS());
        fewestMs = Math.min(fewestMs, p50Ms);
        mostMs = Math.max(mostMs, p99Ms);
      }
      addSeries(data, renderer, p50, colour, P50_STROKE, new Rectangle2D.Double(-3, -3, 6, 6));
      addSeries(data, renderer, p99, colour, P99_STROKE, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
      String knee = RateCurves.kneeText(curve);
      legend.add(new LegendItem(curve.label() + ": knee " + knee, null, null, null,
          new Rectangle2D.Double(-5, -5, 10, 10), colour));
    }
    legend.add(lineItem("p99 latency", P99_STROKE));
    legend.add(lineItem("p50 latency", P50_STROKE));
    LogarithmicAxis rate = logAxis("offered rate (tasks/s, log scale)", lowest / 1.3, highest * 1.3);
    LogarithmicAxis latency = logAxis("latency from intended release (ms, log scale)", fewestMs / 1.5, mostMs * 1.5);
    XYPlot plot = new XYPlot(data, rate, latency, renderer);
    plot.setFixedLegendItems(legend);
    return ReportCharts.chart(workload + ": latency vs offered rate", plot, true);
  }

  private static void addSeries(XYSeriesCollection data, XYLineAndShapeRenderer renderer, XYSeries series,
      Color colour, Stroke stroke, Shape shape) {
    int index = data.getSeriesCount();
    data.addSeries(series);
    renderer.setSeriesLinesVisible(index, true);
    renderer.setSeriesShapesVisible(index, true);
    renderer.setSeriesPaint(index, colour);
    renderer.setSeriesStroke(index, stroke);
    renderer.setSeriesShape(index, shape);
  }

  /** A log axis with plain numbers at 1, 2, 3, ... times each power of ten, the same in every locale. */
  private static LogarithmicAxis logAxis(String label, double from, double to) {
    LogarithmicAxis axis = new LogarithmicAxis(label);
    axis.setStrictValuesFlag(false);
    axis.setNumberFormatOverride(ChartStyle.decimals("0.###"));
    axis.setRange(Math.max(from, 1e-6), Math.max(to, from * 10));
    return axis;
  }

  private static LegendItem lineItem(String label, Stroke stroke) {
    Shape line = new Line2D.Double(-12, 0, 12, 0);
    return new LegendItem(label, null, null, null, false, line, false, ChartStyle.INK, false, ChartStyle.INK,
        stroke, true, line, stroke, ChartStyle.INK);
  }
}
