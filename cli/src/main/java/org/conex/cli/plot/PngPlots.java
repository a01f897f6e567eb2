package org.conex.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * PNG pictures of a run with XChart: a spike raster of every event recording, voltage (or other
 * per-neuron) traces, and for recorded weights a histogram of the final values and the final
 * matrix as a heat map (rows: presynaptic, columns: postsynaptic neurons).
 */
public final class PngPlots {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private PngPlots() {
    }

    /** Writes the raster; returns the file or null when the run recorded no events. */
    public static Path raster(RunData data, Path outDir, int maxPoints) throws IOException {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(data.name() + ": spikes")
                .xAxisTitle("time (ms)").yAxisTitle("neuron (groups stacked)").build();
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setMarkerSize(3);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        long offset = 0;
        boolean any = false;
        for (RunData.Series s : data.series()) {
            if (!s.events()) {
                continue;
            }
            long[][] ev = data.events(s, maxPoints);
            long height = 0;
            double[] x = new double[ev[0].length];
            double[] y = new double[ev[0].length];
            for (int i = 0; i < x.length; i++) {
                x[i] = ev[0][i] * data.dt();
                y[i] = ev[1][i] + offset;
                height = Math.max(height, ev[1][i] + 1);
            }
            if (x.length == 0) {
                x = new double[] {0};
                y = new double[] {offset};
            }
            XYSeries ser = c.addSeries(s.target() + "." + s.variable() + " (from " + offset + ")", x, y);
            ser.setMarker(SeriesMarkers.CIRCLE);
            offset += Math.max(height, 1) + 1;
            any = true;
        }
        return any ? save(c, outDir.resolve("raster")) : null;
    }

    /** One trace chart per dense per-neuron recording that is not a weight; returns the files. */
    public static List<Path> traces(RunData data, Path outDir, int maxRows, int maxNeurons) throws IOException {
        List<Path> out = new ArrayList<>();
        for (RunData.Series s : data.series()) {
            if (s.events() || isWeight(s) || s.rowShape().length > 1 || s.rows() == 0) {
                continue;
            }
            List<Long> steps = new ArrayList<>();
            double[][] rows = data.dense(s, maxRows, steps);
            double[] t = new double[steps.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = steps.get(i) * data.dt();
            }
            XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(data.name() + ": " + s.target() + "."
                    + s.variable()).xAxisTitle("time (ms)").yAxisTitle(s.variable().equals("v") ? "v (mV)" : s.variable())
                    .build();
            c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            c.getStyler().setMarkerSize(0);
            c.getStyler().setChartBackgroundColor(Color.WHITE);
            int n = rows.length == 0 ? 0 : Math.min(maxNeurons, rows[0].length);
            for (int j = 0; j < n; j++) {
                double[] y = new double[rows.length];
                for (int i = 0; i < rows.length; i++) {
                    y[i] = rows[i][j];
                }
                int neuron = s.neurons() != null ? s.neurons()[j] : j;
                c.addSeries("neuron " + neuron, t, y).setMarker(SeriesMarkers.NONE);
            }
            out.add(save(c, outDir.resolve("trace-" + s.target() + "." + s.variable())));
        }
        return out;
    }

    /** For each weight recording: a histogram and a heat map of the last recorded values. */
    public static List<Path> weights(RunData data, Path outDir, int bins) throws IOException {
        List<Path> out = new ArrayList<>();
        for (RunData.Series s : data.series()) {
            if (s.events() || !isWeight(s) || s.rows() == 0) {
                continue;
            }
            double[] w = data.lastRow(s);
            String base = "weights-" + s.target() + "." + s.variable();
            out.add(save(histogram(data.name() + ": " + s.target() + "." + s.variable() + " at the last sample", w, bins),
                    outDir.resolve(base + ".hist")));
            if (s.rowShape().length == 2) {
                out.add(save(heatMap(data.name() + ": " + s.target() + "." + s.variable() + " (rows: source, columns:"
                        + " destination)", w, (int) s.rowShape()[0], (int) s.rowShape()[1]), outDir.resolve(base)));
            }
        }
        return out;
    }

    /** Whether a dense recording holds synaptic weights (its name, or a matrix per row). */
    static boolean isWeight(RunData.Series s) {
        return s.variable().toLowerCase(java.util.Locale.ROOT).contains("weight") || s.rowShape().length >= 2;
    }

    /** Bin edges and counts of {@code w}: {@code [0]} bin centres, {@code [1]} counts. */
    static double[][] bins(double[] w, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : w) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double width = (hi - lo) / bins;
        double[] centres = new double[bins];
        double[] counts = new double[bins];
        for (int b = 0; b < bins; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        for (double x : w) {
            int b = (int) Math.min(bins - 1, Math.floor((x - lo) / width));
            counts[b]++;
        }
        return new double[][] {centres, counts};
    }

    private static CategoryChart histogram(String title, double[] w, int bins) {
        double[][] h = bins(w, bins);
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("weight")
                .yAxisTitle("synapses").build();
        c.getStyler().setLegendVisible(false);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setXAxisDecimalPattern("0.###");
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries("weights", h[0], h[1]);
        return c;
    }

    private static HeatMapChart heatMap(String title, double[] w, int rows, int cols) {
        int r = Math.min(rows, 200);
        int k = Math.min(cols, 200);
        HeatMapChart c = new HeatMapChartBuilder().width(WIDTH).height(HEIGHT).title(title).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        int[] xs = new int[k];
        int[] ys = new int[r];
        for (int j = 0; j < k; j++) {
            xs[j] = j * cols / k;
        }
        for (int i = 0; i < r; i++) {
            ys[i] = i * rows / r;
        }
        List<Number[]> heat = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < r; i++) {
                heat.add(new Number[] {j, i, w[ys[i] * cols + xs[j]]});
            }
        }
        List<Integer> xl = new ArrayList<>();
        List<Integer> yl = new ArrayList<>();
        for (int x : xs) {
            xl.add(x);
        }
        for (int y : ys) {
            yl.add(y);
        }
        c.addSeries("w", xl, yl, heat);
        return c;
    }

    private static Path save(Chart<?, ?> c, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(c, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        return withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png");
    }
}
