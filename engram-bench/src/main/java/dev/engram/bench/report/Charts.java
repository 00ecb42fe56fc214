package dev.engram.bench.report;

import dev.engram.bench.metrics.Estimate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * The PNG charts of a report, drawn headless with XChart: recall_all@k per system, all evidence in
 * context per budget per system, and Engram's recall latency histogram. Thread-safe.
 */
public final class Charts {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 560;

  static {
    // Charts are drawn on servers and in CI: never try to open a display.
    System.setProperty("java.awt.headless", "true");
  }

  private Charts() {}

  /** Turn-level recall_all@k against k, one line per system. */
  public static byte[] recallAtK(BenchReport report) {
    XYChart chart = lines("recall_all@k (turn level) - " + report.dataset(), "k", "recall_all@k");
    chart.getStyler().setXAxisLogarithmic(true);
    for (Map.Entry<String, BenchReport.SystemFigures> system : report.systems().entrySet()) {
      addSeries(chart, system.getKey(), system.getValue().overall(), report.config().k(),
          "turn.recall_all@");
    }
    return png(chart);
  }

  /** The share of questions with all evidence in the packed context, against the budget. */
  public static byte[] inContext(BenchReport report) {
    XYChart chart = lines("All evidence in the packed context - " + report.dataset(),
        "budget (estimated tokens)", "share of questions");
    for (Map.Entry<String, BenchReport.SystemFigures> system : report.systems().entrySet()) {
      addSeries(chart, system.getKey(), system.getValue().overall(), report.config().budgets(),
          "context.all@");
    }
    return png(chart);
  }

  /** Histograms of Engram's recall latency with and without the query embedding, in ms. */
  public static byte[] latency(String dataset, List<Double> withEmbedding,
      List<Double> withoutEmbedding) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Engram recall latency - " + dataset).xAxisTitle("ms").yAxisTitle("recalls")
        .build();
    chart.getStyler().setOverlapped(true).setLegendPosition(LegendPosition.InsideNE);
    chart.getStyler().setXAxisDecimalPattern("#0.0").setXAxisLabelRotation(90);
    double max = upper(withEmbedding, withoutEmbedding);
    int bins = 40;
    if (!withEmbedding.isEmpty()) {
      Histogram h = new Histogram(clip(withEmbedding, max), bins, 0, max);
      chart.addSeries("with query embedding", h.getxAxisData(), h.getyAxisData());
    }
    if (!withoutEmbedding.isEmpty()) {
      Histogram h = new Histogram(clip(withoutEmbedding, max), bins, 0, max);
      chart.addSeries("query vector precomputed", h.getxAxisData(), h.getyAxisData());
    }
    if (withEmbedding.isEmpty() && withoutEmbedding.isEmpty()) {
      chart.addSeries("no samples", new double[] {0}, new double[] {0});
    }
    return png(chart);
  }

  private static XYChart lines(String title, String x, String y) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
        .xAxisTitle(x).yAxisTitle(y).build();
    chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
    chart.getStyler().setLegendPosition(LegendPosition.InsideSE);
    return chart;
  }

  private static void addSeries(XYChart chart, String name, Map<String, Estimate> figures,
      List<Integer> xs, String prefix) {
    List<Double> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (int value : xs) {
      Estimate e = figures.get(prefix + value);
      if (e != null) {
        x.add((double) value);
        y.add(e.value());
      }
    }
    if (!x.isEmpty()) {
      chart.addSeries(name, x, y);
    }
  }

  /** The histogram's right edge: the 99th percentile of the slower sample, so outliers do not flatten it. */
  private static double upper(List<Double> a, List<Double> b) {
    List<Double> all = new ArrayList<>(a);
    all.addAll(b);
    if (all.isEmpty()) {
      return 1;
    }
    all.sort(null);
    return Math.max(0.1, all.get((int) Math.floor(0.99 * (all.size() - 1))) * 1.05);
  }

  private static List<Double> clip(List<Double> values, double max) {
    return values.stream().map(v -> Math.min(v, max * 0.9999)).toList();
  }

  private static byte[] png(Chart<?, ?> chart) {
    try {
      return BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart", e);
    }
  }
}
