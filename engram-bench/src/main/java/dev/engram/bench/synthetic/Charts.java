package dev.engram.bench.synthetic;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The chart shapes the generator reports use, styled alike. Stateless. */
final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  private Charts() {}

  /**
   * A heat map of rates in [0, 1]: {@code values[x][y]}, NaN for an empty cell (drawn as 0).
   */
  static HeatMapChart heatmap(String title, String xTitle, List<String> xs, String yTitle,
      List<String> ys, double[][] values) {
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setMin(0).setMax(1).setShowValue(true)
        .setHeatMapValueDecimalPattern("0.00")
        .setRangeColors(new Color[] {new Color(0xd7301f), new Color(0xfdd49e), new Color(0x1a9850)});
    List<Number[]> cells = new ArrayList<>();
    for (int x = 0; x < xs.size(); x++) {
      for (int y = 0; y < ys.size(); y++) {
        double v = values[x][y];
        cells.add(new Number[] {x, y, Double.isNaN(v) ? 0 : v});
      }
    }
    chart.addSeries("rate", xs, ys, cells);
    return chart;
  }

  /**
   * Lines over a shared x axis; each series one line with markers.
   *
   * @param rates whether the y axis shows rates (fixed to [0, 1.05]) rather than auto-scaled values
   */
  static XYChart lines(String title, String xTitle, String yTitle, List<Double> xs,
      Map<String, List<Double>> series, boolean logX, boolean rates) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    chart.getStyler().setXAxisLogarithmic(logX).setMarkerSize(7);
    if (rates) {
      chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.05);
    }
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    series.forEach((name, ys) -> chart.addSeries(name, xs, ys).setMarker(SeriesMarkers.CIRCLE));
    return chart;
  }

  /** Grouped bars, one group per category, one bar per series. */
  static CategoryChart bars(String title, String yTitle, List<String> categories,
      Map<String, List<Double>> series, double yMax) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(yMax).setXAxisLabelRotation(
        categories.size() > 6 ? 45 : 0);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    series.forEach((name, ys) -> chart.addSeries(name, categories, ys));
    return chart;
  }
}
