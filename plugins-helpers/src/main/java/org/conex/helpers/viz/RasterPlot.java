package org.conex.helpers.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Arrays;
import org.conex.api.ConexException;
import org.conex.api.record.EventRecorder;
import org.conex.api.tensor.Tensors;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A spike raster: one dot per spike at (time in ms, neuron index). Events come from an
 * {@link EventRecorder} (iteration t is drawn at {@code t * dt} ms), from parallel arrays of
 * iterations and indices, or from a spike tensor {@code [T, N]} (row k = iteration k + 1).
 *
 * <pre>{@code
 * RasterPlot.of(recorder, "spikes").title("L4 excitatory").dt(1.0).write(Path.of("raster.png"));
 * RasterPlot.ofSpikes(encoder.encode(image).reshape(100, 784)).title("Poisson input").write(Path.of("input.svg"));
 * }</pre>
 */
public final class RasterPlot extends Figure<RasterPlot> {
    private final long[] times;
    private final long[] neurons;
    private double dt = 1.0;
    private String neuronLabel = "neuron index";
    private int neuronCount = -1;

    private RasterPlot(long[] times, long[] neurons) {
        if (times.length != neurons.length) {
            throw new ConexException("RasterPlot: " + times.length + " times but " + neurons.length + " neuron indices");
        }
        this.times = times.clone();
        this.neurons = neurons.clone();
        title("Spike raster");
    }

    /** The events of {@code variable} recorded by {@code recorder}. */
    public static RasterPlot of(EventRecorder recorder, String variable) {
        return new RasterPlot(recorder.times(variable), recorder.indices(variable)).title("Spike raster: " + variable);
    }

    /** Parallel arrays: spike i happened at iteration {@code iterations[i]} in neuron {@code neurons[i]}. */
    public static RasterPlot of(long[] iterations, long[] neurons) {
        return new RasterPlot(iterations, neurons);
    }

    /** A spike tensor {@code [T, ...]} (flattened per step); row k is iteration k + 1. */
    public static RasterPlot ofSpikes(INDArray spikes) {
        if (spikes.rank() < 2) {
            throw new ConexException("RasterPlot: spikes must be [T, N...], found shape " + Arrays.toString(spikes.shape()));
        }
        double[] v = Tensors.toDoubles(spikes);
        int steps = (int) spikes.size(0);
        int n = v.length / Math.max(steps, 1);
        int count = 0;
        for (double x : v) {
            count += x != 0 ? 1 : 0;
        }
        long[] t = new long[count];
        long[] i = new long[count];
        for (int k = 0, e = 0; k < v.length; k++) {
            if (v[k] != 0) {
                t[e] = k / n + 1;
                i[e++] = k % n;
            }
        }
        return new RasterPlot(t, i).neuronCount(n);
    }

    /** Step length in ms (x = iteration * dt); default 1. */
    public RasterPlot dt(double ms) {
        if (!(ms > 0)) {
            throw new ConexException("RasterPlot: dt must be > 0 ms, found " + ms);
        }
        this.dt = ms;
        return this;
    }

    /** Draws the y axis from neuron 0 to {@code n - 1} even where no neuron spiked (default: the spikes' range). */
    public RasterPlot neuronCount(int n) {
        if (n < 1) {
            throw new ConexException("RasterPlot: neuron count must be >= 1, found " + n);
        }
        this.neuronCount = n;
        return this;
    }

    /** The y-axis title; default "neuron index". */
    public RasterPlot neuronLabel(String label) {
        this.neuronLabel = label;
        return this;
    }

    /** Number of spikes drawn. */
    public int spikeCount() {
        return times.length;
    }

    /** The XChart chart (for further styling). */
    public XYChart chart(int w, int h) {
        XYChart c = new XYChartBuilder().width(w).height(h).title(title()).xAxisTitle("time (ms)")
                .yAxisTitle(neuronLabel).build();
        ChartStyle.apply(c);
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setMarkerSize(times.length > 20_000 ? 2 : 4);
        if (neuronCount > 0) {
            c.getStyler().setYAxisMin(-0.5);
            c.getStyler().setYAxisMax(neuronCount - 0.5);
        }
        double[] x = new double[times.length];
        double[] y = new double[times.length];
        for (int k = 0; k < x.length; k++) {
            x[k] = times[k] * dt;
            y[k] = neurons[k];
        }
        if (x.length == 0) { // XChart needs a point; draw an invisible one so axes still show
            x = new double[] {0};
            y = new double[] {0};
        }
        double last = 0;
        for (double v : x) {
            last = Math.max(last, v);
        }
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(Math.max(10, Math.ceil(last / 10) * 10));
        XYSeries s = c.addSeries("spikes", x, y);
        s.setMarker(SeriesMarkers.SQUARE);
        s.setMarkerColor(times.length == 0 ? Color.WHITE : new Color(20, 20, 20));
        return c;
    }

    @Override
    protected void paint(Graphics2D g, int w, int h) {
        chart(w, h).paint(g, w, h);
    }
}
