package io.concbench.report;

import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars of one series, each in its own colour, with an optional whisker across each. JFreeChart's
 * statistical renderers draw symmetric mean ± deviation; a median bar with the confidence interval of the
 * mean (not centred on the median) needs its own.
 */
final class WhiskerBarRenderer extends BarRenderer {

  private static final long serialVersionUID = 1L;

  /** Per bar (column): the whisker's low and high end in axis units, or null for none. */
  private final List<double[]> whiskers;
  private final List<? extends Paint> colours;

  WhiskerBarRenderer(List<? extends Paint> colours, List<double[]> whiskers) {
    this.colours = List.copyOf(colours);
    this.whiskers = whiskers;
    setDrawBarOutline(false);
    setShadowVisible(false);
    setItemMargin(0);
  }

  /** A line given along the value axis (v) and across it (w), for either orientation. */
  private static Line2D line(boolean horizontal, double v1, double w1, double v2, double w2) {
    return horizontal ? new Line2D.Double(v1, w1, v2, w2) : new Line2D.Double(w1, v1, w2, v2);
  }

  @Override
  public Paint getItemPaint(int row, int column) {
    return colours.get(column);
  }

  @Override
  public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
      CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
    super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
    double[] whisker = whiskers == null ? null : whiskers.get(column);
    if (whisker == null) {
      return;
    }
    PlotOrientation orientation = plot.getOrientation();
    double middle = calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column)
        + state.getBarWidth() / 2;
    double cap = Math.max(3, state.getBarWidth() * 0.2);
    RectangleEdge edge = plot.getRangeAxisEdge();
    // A whisker longer than the axis (a wide interval from few runs) ends in an arrow at the axis's end.
    boolean cut = whisker[1] > rangeAxis.getUpperBound();
    double low = rangeAxis.valueToJava2D(whisker[0], dataArea, edge);
    double high = rangeAxis.valueToJava2D(Math.min(whisker[1], rangeAxis.getUpperBound()), dataArea, edge);
    g2.setPaint(ChartStyle.WHISKER);
    g2.setStroke(ChartStyle.line(1.5f));
    boolean horizontal = orientation == PlotOrientation.HORIZONTAL;
    g2.draw(line(horizontal, low, middle, high, middle));
    g2.draw(line(horizontal, low, middle - cap, low, middle + cap));
    if (cut) {
      double back = high > low ? -cap : cap;
      g2.draw(line(horizontal, high + back, middle - cap, high, middle));
      g2.draw(line(horizontal, high + back, middle + cap, high, middle));
    } else {
      g2.draw(line(horizontal, high, middle - cap, high, middle + cap));
    }
  }
}
