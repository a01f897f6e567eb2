package org.conex.cli.plot;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.conex.helpers.viz.RasterPlot;
import org.conex.helpers.viz.TracePlot;
import org.conex.helpers.viz.WeightImage;
import org.knowm.xchart.internal.chartpart.Chart;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PNG pictures of a run, drawn with the helpers plugin's visualisation ({@code org.conex.helpers.viz}):
 * a spike raster of every event recording, voltage (or other per-neuron) traces, and for recorded
 * weights the final matrix or kernels as an image; plus a histogram of the final weights (XChart).
 */
public final class PngPlots {
    private static final int WIDTH = 1000;
    private static final int HEIGHT = 560;

    private PngPlots() {
    }

    /**
     * Writes the raster of every event recording, groups stacked on the y axis (helpers'
     * {@link RasterPlot}); returns the file, or null when the run recorded no events.
     */
    public static Path raster(RunData data, Path outDir, int maxPoints) throws IOException {
        List<long[]> times = new ArrayList<>();
        List<long[]> indices = new ArrayList<>();
        StringBuilder label = new StringBuilder();
        long offset = 0;
        int total = 0;
        for (RunData.Series s : data.series()) {
            if (!s.events()) {
                continue;
            }
            long[][] ev = data.events(s, maxPoints);
            long height = bandHeight(s, ev[1]);
            long[] idx = new long[ev[1].length];
            for (int i = 0; i < idx.length; i++) {
                idx[i] = ev[1][i] + offset;
            }
            times.add(ev[0]);
            indices.add(idx);
            total += idx.length;
            label.append(label.length() == 0 ? "" : ", ").append(s.target()).append(' ').append(offset).append('+');
            offset += Math.max(height, 1) + 1;
        }
        if (times.isEmpty()) {
            return null;
        }
        long[] t = new long[total];
        long[] i = new long[total];
        int at = 0;
        for (int k = 0; k < times.size(); k++) {
            System.arraycopy(times.get(k), 0, t, at, times.get(k).length);
            System.arraycopy(indices.get(k), 0, i, at, indices.get(k).length);
            at += times.get(k).length;
        }
        Path file = outDir.resolve("raster.png");
        RasterPlot.of(t, i).dt(data.dt()).neuronCount((int) Math.max(1, offset - 1))
                .neuronLabel("neuron (" + label + ")").title(data.name() + ": spikes").size(WIDTH, HEIGHT).write(file);
        return file;
    }

    /**
     * The rows of one group's band in the raster: the group's size from index.json, so that the
     * bands do not move with activity (the highest spiking index + 1 when the size is not
     * recorded, or if an index lies beyond it).
     */
    static long bandHeight(RunData.Series s, long[] indices) {
        long height = s.groupSize();
        for (long i : indices) {
            height = Math.max(height, i + 1);
        }
        return height;
    }

    /** One trace chart per dense per-neuron recording that is not a weight (helpers' {@link TracePlot}). */
    public static List<Path> traces(RunData data, Path outDir, int maxRows, int maxNeurons) throws IOException {
        List<Path> out = new ArrayList<>();
        for (RunData.Series s : data.series()) {
            if (s.events() || isWeight(s) || s.rowShape().length > 1 || s.rows() == 0) {
                continue;
            }
            List<Long> steps = new ArrayList<>();
            double[][] rows = data.dense(s, maxRows, steps);
            int n = rows[0].length;
            int[] which = new int[Math.min(maxNeurons, n)];
            for (int j = 0; j < which.length; j++) {
                which[j] = j;
            }
            double interval = steps.size() > 1 ? (steps.get(1) - steps.get(0)) * data.dt() : s.every() * data.dt();
            Path file = outDir.resolve("trace-" + s.target() + "." + s.variable() + ".png");
            TracePlot.of(Nd4j.createFromArray(rows), s.variable()).neurons(which)
                    .unit(s.variable().equals("v") ? "mV" : "").time(steps.get(0) * data.dt(), interval)
                    .title(data.name() + ": " + s.target() + "." + s.variable()
                            + (s.neurons() == null ? "" : " (neurons " + java.util.Arrays.toString(s.neurons()) + ")"))
                    .size(WIDTH, HEIGHT).write(file);
            out.add(file);
        }
        return out;
    }

    /**
     * For each weight recording: a histogram of the last recorded values and the last matrix (or
     * kernels) as an image (helpers' {@link WeightImage}).
     */
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
            long[] shape = s.rowShape();
            if (shape.length == 2 || shape.length == 4) {
                INDArray m = Nd4j.createFromArray(w).reshape(shape);
                Path file = outDir.resolve(base + ".png");
                (shape.length == 2 ? WeightImage.of(m).labels("destination neuron", "source neuron")
                        : WeightImage.ofKernels(m)).unit("weight")
                        .title(data.name() + ": " + s.target() + "." + s.variable() + " at the last sample")
                        .size(WIDTH, HEIGHT).write(file);
                out.add(file);
            }
            int[] src = s.srcShape();
            if (shape.length == 2 && src != null && src[0] == 1 && src[1] > 1
                    && (long) src[1] * src[2] == shape[0]) {
                Path file = outDir.resolve(base + ".fields.png");
                WeightImage.of(fieldGrid(w, (int) shape[1], src[1], src[2])).labels("", "")
                        .unit("weight").title(data.name() + ": " + s.target() + " receptive fields at the last sample"
                                + " (one tile per destination neuron)").size(WIDTH, WIDTH).write(file);
                out.add(file);
            }
        }
        return out;
    }

    /**
     * The receptive fields of {@code n} destination neurons as one image: tiles of {@code h x w}
     * (the source group's geometry) in a square-ish grid, one blank (0) line between tiles.
     *
     * @param w weights {@code [h*w, n]} in C order (SxD)
     */
    static INDArray fieldGrid(double[] w, int n, int h, int wd) {
        int cols = (int) Math.ceil(Math.sqrt(n));
        int rows = (n + cols - 1) / cols;
        int height = rows * (h + 1) - 1;
        int width = cols * (wd + 1) - 1;
        double[] img = new double[height * width];
        for (int k = 0; k < n; k++) {
            int top = (k / cols) * (h + 1);
            int left = (k % cols) * (wd + 1);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < wd; x++) {
                    img[(top + y) * width + left + x] = w[(y * wd + x) * n + k];
                }
            }
        }
        return Nd4j.createFromArray(img).reshape(height, width);
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

    private static Path save(Chart<?, ?> c, Path withoutExtension) throws IOException {
        BitmapEncoder.saveBitmap(c, withoutExtension.toString(), BitmapEncoder.BitmapFormat.PNG);
        return withoutExtension.resolveSibling(withoutExtension.getFileName() + ".png");
    }
}
