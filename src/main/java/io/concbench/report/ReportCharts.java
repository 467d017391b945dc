package io.concbench.report;

import io.concbench.result.Report;
import io.concbench.result.Result;
import io.concbench.result.Scaling;
import io.concbench.result.Summary;
import java.awt.Color;
import java.awt.Paint;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The html export's charts, drawn with JFreeChart into SVG: per workload, wall time per result with its
 * confidence interval, speedup (against worker count with the fitted laws when the report has scaling
 * fits, drawn by {@link ScalingChart}, else per result), task latency percentiles, and with
 * {@code matrix --rate} latency against offered rate ({@link RateChart}).
 */
final class ReportCharts {

  private static final int BAR_ROW = 34;
  private static final int LATENCY_ROW = 46;

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
      out.add(render("speedup", workload, ScalingChart.draw(workload, scalings, colours), 460));
    } else if (results.stream().anyMatch(r -> r.comparison().speedup() != null
        && !r.benchmarkCase().executor().equals(r.comparison().baseline()))) {
      out.add(speedupPerResult(workload, results, labels));
    }
    out.add(latency(workload, results, labels));
    List<RateCurves.Curve> curves = RateCurves.of(results);
    if (!curves.isEmpty()) {
      List<String> executors = RateCurves.executors(results);
      out.add(render("rate", workload, RateChart.draw(workload, curves, colours, executors), 480));
    }
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

  static JFreeChart chart(String title, Plot plot, boolean legend) {
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
  static void keepSeriesLooks(AbstractRenderer renderer) {
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
