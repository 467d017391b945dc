package io.concbench.report;

import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import io.concbench.result.Summary;
import io.concbench.stats.ScalingFits;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The html export's charts, drawn with JFreeChart into SVG: per workload, wall time per result with its
 * confidence interval, speedup (against worker count with the fitted laws when the report has scaling
 * fits, else per result), and task latency percentiles.
 */
final class ReportCharts {

  private static final int BAR_ROW = 34;
  private static final int LATENCY_ROW = 46;
  private static final double CURVE_STEPS = 200;
  private static final Stroke AMDAHL_STROKE = ChartStyle.dashed(1.6f, 7f, 4f);
  private static final Stroke USL_STROKE = ChartStyle.dashed(1.6f, 1.5f, 3.5f);

  private final Report report;
  private final Map<String, Color> colours;
  private int charts;

  private ReportCharts(Report report) {
    this.report = report;
    List<String> executors = new ArrayList<>();
    report.results().forEach(r -> executors.add(r.benchmarkCase().executor()));
    report.scaling().forEach(s -> executors.add(s.executor()));
    this.colours = ChartStyle.executorColours(executors);
  }

  /** Every chart of the report: per workload, in the order of the results, as the page shows them. */
  static List<SvgChart> of(Report report) {
    ReportCharts builder = new ReportCharts(report);
    List<SvgChart> charts = new ArrayList<>();
    report.results().stream().map(r -> r.benchmarkCase().workload()).distinct()
        .forEach(w -> charts.addAll(builder.workload(w)));
    return charts;
  }

  private List<SvgChart> workload(String workload) {
    List<Result> results = report.results().stream()
        .filter(r -> r.benchmarkCase().workload().equals(workload)).toList();
    List<Scaling> scalings = report.scaling().stream().filter(s -> s.workload().equals(workload)).toList();
    List<String> labels = ResultLabels.of(results);
    List<SvgChart> out = new ArrayList<>();
    out.add(wallTime(workload, results, labels));
    if (!scalings.isEmpty()) {
      out.add(speedupVsWorkers(workload, scalings));
    } else if (results.stream().anyMatch(r -> r.comparison().speedup() != null
        && !r.benchmarkCase().executor().equals(r.comparison().baseline()))) {
      out.add(speedupPerResult(workload, results, labels));
    }
    out.add(latency(workload, results, labels));
    return out;
  }

  private SvgChart wallTime(String workload, List<Result> results, List<String> labels) {
    // Up to the longest whisker, but no further than three times the longest bar: with few runs an interval
    // can be many times the median, and would squash every bar into a sliver.
    double longestBar = results.stream().mapToDouble(r -> r.timing().wallMs().median()).max().orElse(1);
    double longestWhisker = results.stream().map(r -> r.timing().wallMs().ciHigh())
        .mapToDouble(high -> high == null ? 0 : high).max().orElse(0);
    double axisEnd = positive(Math.min(Math.max(longestBar, longestWhisker), 3 * longestBar));
    Scale scale = Scale.ofMillis(axisEnd);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<double[]> whiskers = new ArrayList<>();
    List<Paint> paints = new ArrayList<>();
    for (int i = 0; i < results.size(); i++) {
      Summary wall = results.get(i).timing().wallMs();
      data.addValue(wall.median() / scale.divisor(), "median", labels.get(i));
      whiskers.add(wall.ciLow() == null ? null : new double[] {
          Math.max(0, wall.ciLow()) / scale.divisor(), wall.ciHigh() / scale.divisor()});
      paints.add(colours.get(results.get(i).benchmarkCase().executor()));
    }
    CategoryPlot plot = barPlot(data, "wall time per run (" + scale.unit() + "): bar = median, whisker = 99.9 % CI of the mean");
    plot.setRenderer(new WhiskerBarRenderer(paints, whiskers));
    ((NumberAxis) plot.getRangeAxis()).setRange(0, axisEnd / scale.divisor() * 1.05);
    JFreeChart chart = chart(workload + ": wall time", plot, false);
    return render("wall", workload, chart, rowsHeight(results.size(), BAR_ROW));
  }

  private SvgChart speedupVsWorkers(String workload, List<Scaling> scalings) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
    keepSeriesLooks(renderer);
    renderer.setDrawSeriesLineAsPath(true); // else each of a curve's 200 segments restarts its dashes: solid
    renderer.setDrawOutlines(true);
    renderer.setUseOutlinePaint(true);
    LegendItemCollection legend = new LegendItemCollection();
    List<String> labels = ResultLabels.ofScalings(scalings);
    int maxWorkers = scalings.stream().flatMap(s -> s.points().stream()).mapToInt(Scaling.ScalingPoint::workers)
        .max().orElse(1);
    double highest = maxWorkers;
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
      for (Scaling.ScalingPoint p : s.points()) {
        points.add(p.workers(), p.speedup());
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
    speedup.setRange(0, highest * 1.08);
    XYPlot plot = new XYPlot(data, workers, speedup, renderer);
    plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
    plot.setFixedLegendItems(legend);
    JFreeChart chart = chart(workload + ": speedup vs workers", plot, true);
    return render("speedup", workload, chart, 460);
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

  private SvgChart speedupPerResult(String workload, List<Result> results, List<String> labels) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    List<Paint> paints = new ArrayList<>();
    double highest = 1;
    for (int i = 0; i < results.size(); i++) {
      Double speedup = results.get(i).comparison().speedup();
      Result.Case c = results.get(i).benchmarkCase();
      if (speedup != null) {
        data.addValue(speedup, "measured", labels.get(i));
        data.addValue(c.workers(), "ideal = workers", labels.get(i));
        paints.add(colours.get(c.executor()));
        highest = Math.max(highest, Math.max(speedup, c.workers()));
      }
    }
    CategoryPlot plot = barPlot(data, "speedup over the " + results.stream().map(r -> r.comparison().baseline())
        .filter(b -> b != null).findFirst().orElse("baseline") + " baseline (median wall time)");
    BarRenderer renderer = new BarRenderer() {
      private static final long serialVersionUID = 1L;

      @Override
      public Paint getItemPaint(int row, int column) {
        return row == 0 ? paints.get(column) : ChartStyle.GRID;
      }
    };
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    plot.setRenderer(renderer);
    plot.addRangeMarker(new ValueMarker(1, ChartStyle.INK, ChartStyle.dashed(1f, 4f, 3f)));
    ((NumberAxis) plot.getRangeAxis()).setRange(0, highest * 1.08);
    LegendItemCollection legend = new LegendItemCollection();
    legend.add(new LegendItem("measured (colour = executor)", null, null, null,
        new Rectangle2D.Double(-5, -5, 10, 10), ChartStyle.INK));
    legend.add(new LegendItem("ideal: speedup = workers", null, null, null,
        new Rectangle2D.Double(-5, -5, 10, 10), ChartStyle.GRID));
    plot.setFixedLegendItems(legend);
    JFreeChart chart = chart(workload + ": speedup", plot, true);
    return render("speedup-per-result", workload, chart, rowsHeight(data.getColumnCount(), BAR_ROW + 16) + 30);
  }

  private SvgChart latency(String workload, List<Result> results, List<String> labels) {
    double largest = positive(results.stream().mapToDouble(r -> r.timing().latencyUs().max()).max().orElse(1));
    Scale scale = Scale.ofMicros(largest);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (int i = 0; i < results.size(); i++) {
      var l = results.get(i).timing().latencyUs();
      String label = labels.get(i);
      data.addValue(l.p50() / scale.divisor(), "p50", label);
      data.addValue(l.p90() / scale.divisor(), "p90", label);
      data.addValue(l.p99() / scale.divisor(), "p99", label);
      data.addValue(l.max() / scale.divisor(), "max", label);
    }
    CategoryPlot plot = barPlot(data, "task latency (" + scale.unit() + "), over every task of every measured run");
    BarRenderer renderer = new BarRenderer();
    keepSeriesLooks(renderer);
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.03);
    List<Color> shades = List.of(new Color(0xC6DBEF), new Color(0x6BAED6), new Color(0x2171B5),
        new Color(0x08306B));
    for (int i = 0; i < shades.size(); i++) {
      renderer.setSeriesPaint(i, shades.get(i));
    }
    plot.setRenderer(renderer);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, largest / scale.divisor() * 1.05);
    JFreeChart chart = chart(workload + ": task latency percentiles", plot, true);
    return render("latency", workload, chart, rowsHeight(results.size(), LATENCY_ROW) + 30);
  }

  /** Horizontal bars, one category per result: long labels read best on the left. */
  private static CategoryPlot barPlot(DefaultCategoryDataset data, String valueLabel) {
    CategoryAxis categories = new CategoryAxis();
    categories.setCategoryMargin(0.25);
    categories.setLowerMargin(0.03);
    categories.setUpperMargin(0.03);
    categories.setMaximumCategoryLabelWidthRatio(0.4f);
    categories.setMaximumCategoryLabelLines(2);
    NumberAxis values = new NumberAxis(valueLabel);
    ChartStyle.localeFree(values, false);
    CategoryPlot plot = new CategoryPlot(data, categories, values, null);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    return plot;
  }

  private static JFreeChart chart(String title, Plot plot, boolean legend) {
    JFreeChart chart = new JFreeChart(title, null, plot, legend);
    ChartStyle.apply(chart);
    if (legend) {
      LegendTitle legendTitle = chart.getLegend();
      legendTitle.setPosition(RectangleEdge.BOTTOM);
      legendTitle.setFrame(BlockBorder.NONE);
    }
    if (plot instanceof CategoryPlot category) {
      category.setRangeGridlinesVisible(true);
      category.setDomainGridlinesVisible(false);
    }
    return chart;
  }

  private SvgChart render(String kind, String workload, JFreeChart chart, int height) {
    String id = "chart-" + charts++;
    return new SvgChart(kind, workload, id, ChartStyle.svg(chart, ChartStyle.WIDTH, height, id));
  }

  /** The chart theme would otherwise replace the series' colours, lines and shapes set here with its own. */
  private static void keepSeriesLooks(AbstractRenderer renderer) {
    renderer.setAutoPopulateSeriesPaint(false);
    renderer.setAutoPopulateSeriesStroke(false);
    renderer.setAutoPopulateSeriesShape(false);
  }

  /** An axis needs a length: all zeros (an empty task timed at 0 us) get an axis of 0 to 1. */
  private static double positive(double axisEnd) {
    return axisEnd > 0 && Double.isFinite(axisEnd) ? axisEnd : 1;
  }

  private static int rowsHeight(int rows, int perRow) {
    return Math.max(220, 130 + rows * perRow);
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

  /** A unit for an axis, chosen so its numbers stay short. */
  private record Scale(String unit, double divisor) {

    static Scale ofMillis(double largestMs) {
      if (largestMs >= 10_000) {
        return new Scale("s", 1000);
      }
      if (largestMs < 1) {
        return new Scale("µs", 0.001);
      }
      return new Scale("ms", 1);
    }

    static Scale ofMicros(double largestUs) {
      Scale millis = ofMillis(largestUs / 1000);
      return new Scale(millis.unit(), millis.divisor() * 1000);
    }
  }
}
