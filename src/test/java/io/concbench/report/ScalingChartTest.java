package io.concbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.concbench.result.Scaling;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** The speedup-vs-workers chart: its axis follows the measurements, and equal points stay apart. */
class ScalingChartTest {

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** A sweep over 1, 2, 4 and 8 workers with these speedups, without fits. */
  private static Scaling sweep(String executor, double... speedups) {
    List<Scaling.ScalingPoint> points = new ArrayList<>();
    int workers = 1;
    for (double s : speedups) {
      points.add(new Scaling.ScalingPoint(workers, 400 / s, s));
      workers *= 2;
    }
    return new Scaling("cpu", executor, Map.of(), null, null, "workers=1", 400, points, null, null);
  }

  private static JFreeChart draw(Scaling... sweeps) {
    List<String> executors = java.util.Arrays.stream(sweeps).map(Scaling::executor).toList();
    return ScalingChart.draw("cpu", List.of(sweeps), ChartStyle.executorColours(executors));
  }

  /** 8 workers on 2 cores: speedups of 1 to 2 fill the plot, and the ideal's 8 is cut off at its top. */
  @Test
  void theMeasuredSpeedupsSetTheAxisNotTheIdeal() {
    XYPlot plot = (XYPlot) draw(sweep("thread-pool", 1, 1.8, 1.9, 1.95)).getPlot();

    double top = plot.getRangeAxis().getUpperBound();
    assertThat(top).isGreaterThan(1.95).isLessThan(2.5);
  }

  @Test
  void aFittedCurveAboveThePointsStaysOnTheChart() {
    Scaling s = sweep("thread-pool", 1, 1.8, 1.9, 1.95);
    Scaling fitted = new Scaling(s.workload(), s.executor(), s.params(), null, null, s.reference(),
        s.referenceWallMs(), s.points(), new Scaling.AmdahlFit(0.2, 5.0, 0.9, 0.1), null);

    double top = ((XYPlot) draw(fitted).getPlot()).getRangeAxis().getUpperBound();
    assertThat(top).isGreaterThan(io.concbench.stats.ScalingFits.amdahlSpeedup(8, 0.2));
  }

  /** Two executors that measured the same speedups: a mark each, side by side, in shapes of their own. */
  @Test
  void twoExecutorsMarksAtOnePointStayDistinguishable() {
    XYPlot plot = (XYPlot) draw(sweep("thread-pool", 1, 1.8, 1.9, 1.95),
        sweep("process-pool", 1, 1.8, 1.9, 1.95)).getPlot();
    XYDataset data = plot.getDataset();
    XYItemRenderer renderer = plot.getRenderer();
    List<Integer> measured = new ArrayList<>();
    for (int series = 0; series < data.getSeriesCount(); series++) {
      if (data.getSeriesKey(series).toString().endsWith(" measured")) {
        measured.add(series);
      }
    }

    assertThat(measured).hasSize(2);
    int a = measured.get(0);
    int b = measured.get(1);
    for (int item = 0; item < 4; item++) {
      assertThat(data.getYValue(a, item)).isEqualTo(data.getYValue(b, item));
      assertThat(data.getXValue(b, item) - data.getXValue(a, item)).as("set apart, in axis units")
          .isGreaterThan(0.05);
      assertThat((data.getXValue(a, item) + data.getXValue(b, item)) / 2).as("centred on the worker count")
          .isCloseTo(1 << item, org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(renderer.getSeriesShape(a)).isNotEqualTo(renderer.getSeriesShape(b));
    assertThat(plot.getFixedLegendItems().getItemCount()).as("a legend item per executor and the ideal")
        .isEqualTo(3);
  }
}
