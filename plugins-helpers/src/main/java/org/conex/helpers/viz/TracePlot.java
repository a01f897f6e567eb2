package org.conex.helpers.viz;

import java.awt.Graphics2D;
import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.record.Recorder;
import org.conex.api.tensor.Tensors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Traces of a recorded variable over time, one line per selected neuron: typically the membrane
 * voltage {@code v} of a {@link Recorder} ({@code [T, N]}). Sample k is drawn at
 * {@code start + k * interval} ms (defaults: the first sample at 1 ms, one per 1 ms step, as a
 * Recorder sampling every step of dt = 1 ms).
 *
 * <pre>{@code
 * TracePlot.of(recorder, "v").neurons(0, 5, 9).unit("mV").title("LIF voltages").write(Path.of("v.png"));
 * }</pre>
 */
public final class TracePlot extends Figure<TracePlot> {
    private final double[] data;
    private final int samples;
    private final int perSample;
    private final String variable;
    private int[] selected;
    private String unit = "mV";
    private double start = 1.0;
    private double interval = 1.0;

    private TracePlot(INDArray history, String variable) {
        long[] s = history.shape();
        if (history.rank() < 1 || s[0] < 1) {
            throw new ConexException("TracePlot: '" + variable + "' has no samples (shape " + Arrays.toString(s) + ")");
        }
        this.data = Tensors.toDoubles(history);
        this.samples = (int) s[0];
        this.perSample = data.length / samples;
        this.variable = variable;
        int n = Math.min(perSample, 8);
        this.selected = new int[n];
        for (int i = 0; i < n; i++) {
            selected[i] = i;
        }
        title("Traces of " + variable);
    }

    /** The history of {@code variable} in {@code recorder} ({@code [T, ...]}, flattened per sample). */
    public static TracePlot of(Recorder recorder, String variable) {
        return new TracePlot(recorder.data(variable), variable);
    }

    /** A history {@code [T]} or {@code [T, ...]} of a variable named {@code variable}. */
    public static TracePlot of(INDArray history, String variable) {
        return new TracePlot(history, variable);
    }

    /** Which neurons (flat indices) to draw; default the first up to 8. */
    public TracePlot neurons(int... indices) {
        for (int i : indices) {
            if (i < 0 || i >= perSample) {
                throw new ConexException("TracePlot: neuron " + i + " does not exist; '" + variable + "' has " + perSample
                        + " values per sample");
            }
        }
        this.selected = indices.clone();
        return this;
    }

    /** Unit of the variable for the y-axis title; default "mV". */
    public TracePlot unit(String u) {
        this.unit = u;
        return this;
    }

    /** Time of the first sample and between samples, ms. */
    public TracePlot time(double startMs, double intervalMs) {
        if (!(intervalMs > 0)) {
            throw new ConexException("TracePlot: sample interval must be > 0 ms, found " + intervalMs);
        }
        this.start = startMs;
        this.interval = intervalMs;
        return this;
    }

    /** The XChart chart (for further styling). */
    public XYChart chart(int w, int h) {
        String y = unit == null || unit.isEmpty() ? variable : variable + " (" + unit + ")";
        XYChart c = new XYChartBuilder().width(w).height(h).title(title()).xAxisTitle("time (ms)").yAxisTitle(y).build();
        ChartStyle.apply(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        c.getStyler().setLegendVisible(selected.length > 1);
        double[] x = new double[samples];
        for (int k = 0; k < samples; k++) {
            x[k] = start + k * interval;
        }
        for (int i : selected) {
            double[] v = new double[samples];
            for (int k = 0; k < samples; k++) {
                v[k] = data[k * perSample + i];
            }
            XYSeries s = c.addSeries("neuron " + i, x, v);
            s.setMarker(SeriesMarkers.NONE);
        }
        return c;
    }

    @Override
    protected void paint(Graphics2D g, int w, int h) {
        chart(w, h).paint(g, w, h);
    }
}
