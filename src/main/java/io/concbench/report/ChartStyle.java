package io.concbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.ui.RectangleInsets;

/**
 * How the html export's charts look. With {@link ReportCharts}, {@link WhiskerBarRenderer} and {@link ChartSvg}
 * (which turns a chart into inline SVG), the only classes that touch AWT: none is loaded unless an html report
 * is rendered, and {@link HtmlReport} makes AWT headless first.
 */
final class ChartStyle {

  /** Okabe and Ito's palette, distinguishable with every common colour-vision deficiency. */
  private static final List<Color> PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00),
      new Color(0x009E73), new Color(0xD55E00), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000),
      new Color(0x999933));

  static final Color INK = new Color(0x222222);
  static final Color GRID = new Color(0xDDDDDD);
  static final Color MUTED = new Color(0x888888);
  static final Color WHISKER = new Color(0x222222);

  /** "SansSerif" is Java's logical font; Batik writes it as CSS's generic sans-serif, which every browser has. */
  private static final String FAMILY = "SansSerif";

  static final int WIDTH = 900;

  private ChartStyle() {}

  /** One colour per executor, in the order they first appear, the same in every chart of a report. */
  static Map<String, Color> executorColours(List<String> executors) {
    Map<String, Color> colours = new LinkedHashMap<>();
    for (String executor : executors) {
      if (!colours.containsKey(executor)) {
        colours.put(executor, PALETTE.get(colours.size() % PALETTE.size()));
      }
    }
    return colours;
  }

  /** Fonts, backgrounds and flat bars for every chart, applied before a chart's own settings. */
  static void apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("concbench");
    theme.setExtraLargeFont(new Font(FAMILY, Font.BOLD, 16));
    theme.setLargeFont(new Font(FAMILY, Font.BOLD, 13));
    theme.setRegularFont(new Font(FAMILY, Font.PLAIN, 12));
    theme.setSmallFont(new Font(FAMILY, Font.PLAIN, 11));
    theme.setTitlePaint(INK);
    theme.setAxisLabelPaint(INK);
    theme.setTickLabelPaint(INK);
    theme.setLegendItemPaint(INK);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(MUTED);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    theme.apply(chart);
    chart.setPadding(new RectangleInsets(8, 8, 8, 16));
  }

  /**
   * Tick units of 1, 2 and 5 times a power of ten, labelled with a decimal point and no grouping whatever the
   * default locale (JFreeChart's defaults follow it: "1,5" in German; its Locale.ROOT units group "5,000",
   * which half the world reads as five).
   */
  static void localeFree(NumberAxis axis, boolean integers) {
    TickUnits units = new TickUnits();
    NumberFormat format = decimals(integers ? "0" : "0.########");
    for (int exponent = integers ? 0 : -6; exponent <= 9; exponent++) {
      for (int mantissa : new int[] {1, 2, 5}) {
        units.add(new NumberTickUnit(mantissa * Math.pow(10, exponent), format));
      }
    }
    axis.setStandardTickUnits(units);
  }

  static NumberFormat decimals(String pattern) {
    return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  static BasicStroke line(float width) {
    return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  static BasicStroke dashed(float width, float... dashes) {
    return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dashes, 0f);
  }

  /** The chart as an {@code <svg>} element that scales with the page; {@code id} must be unique in the page. */
  static String svg(JFreeChart chart, int width, int height, String id) {
    return ChartSvg.svg(chart, width, height, id, new Font(FAMILY, Font.PLAIN, 12));
  }
}
