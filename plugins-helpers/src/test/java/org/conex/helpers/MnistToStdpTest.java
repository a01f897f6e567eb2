package org.conex.helpers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.HelperRegistry;
import org.conex.api.helper.SampleTransform;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.record.EventRecorder;
import org.conex.api.record.Recorder;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.data.InputBatches;
import org.conex.helpers.viz.RasterPlot;
import org.conex.helpers.viz.TracePlot;
import org.conex.helpers.viz.WeightImage;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.Simulation;
import org.conex.structures.InputLayer;
import org.conex.structures.Neocortex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Issue 6's end-to-end pipeline as a user writes it: MNIST digits, a DoG filter and the CoNeX
 * Poisson encoder named by registered type, fed through an {@code InputLayer} (structures plugin)
 * into a 16-neuron LIF layer whose input synapses learn with SimpleSTDP (behaviors plugin). Four
 * digits are shown for 30 steps each. Checked: the recorded input spike counts follow the filtered
 * pixel intensities (per intensity bin, within 4 standard deviations of the renewal-process
 * expectation), the layer fires, STDP changes the weights, and every state stays finite.
 */
class MnistToStdpTest {
    private static final int T = 30;
    private static final int DIGITS = 4;
    private static final double RATIO = 0.25; // white pixels: p = 0.25, a mean interval of 4.02 steps

    static DataSource digits;
    static SampleTransform preprocess;
    static EventRecorder inputSpikes;
    static EventRecorder outputSpikes;
    static Recorder voltages;
    static SynapseGroup synapse;
    static double[] w0;

    private static Map<String, Object> step(String type, Map<String, Object> params) {
        return Map.of("type", type, "params", params);
    }

    @BeforeAll
    static void buildAndRun() {
        BehaviorLookup behaviors = BehaviorRegistry.fromClassPath();
        HelperRegistry helpers = HelperRegistry.fromClassPath();
        Network net = Neocortex.create(1.0, 7L, behaviors);
        HelperContext ctx = new HelperContext(net.random(), TestData.mnistDir(), "input");
        digits = helpers.dataset(step("MNIST", Map.of("images", "images-idx3-ubyte.gz",
                "labels", "labels-idx1-ubyte.gz", "limit", DIGITS)), ctx);
        preprocess = helpers.pipeline(List.of(step("SqueezeTransform", Map.of("dim", 0)),
                step("DoGFilter", Map.of("size", 5, "sigma_1", 1.0, "sigma_2", 2.0, "zero_mean", true, "padding", 2)),
                step("AbsoluteTransform", Map.of()), step("NormalizeTransform", Map.of("method", "min_max"))), ctx);
        SampleTransform encode = helpers.pipeline(List.of(step("Poisson", Map.of("time_window", T, "ratio", RATIO))), ctx);

        InputLayer input = new InputLayer(net, "input", Map.of("sensory_size", List.of(1, 28, 28),
                "instance_duration", T), behaviors);
        input.setData(InputBatches.of(digits.map(preprocess.andThen(encode)), 2));
        NeuronGroup sensory = input.sensoryPopulation();

        NeuronGroup out = net.addNeuronGroup("out", 16);
        for (Object[] b : new Object[][] {{"SimpleDendriteStructure", Map.of()}, {"SimpleDendriteComputation", Map.of()},
                {"LIF", Map.of("R", 1.0, "tau", 10.0, "threshold", 1.0, "v_reset", 0.0, "v_rest", 0.0)},
                {"Fire", Map.of()}, {"NeuronAxon", Map.of()}}) {
            out.addBehavior(behaviors.require((String) b[0]).create(cast(b[1])));
        }
        synapse = net.addSynapseGroup("input_out", sensory, out, "Proximal");
        for (Object[] b : new Object[][] {{"SynapseInit", Map.of()},
                {"WeightInitializer", Map.of("mode", "random", "scale", 0.08)},
                {"SimpleDendriticInput", Map.of("current_coef", 1.0)}, {"PreSpikeCatcher", Map.of()},
                {"PostSpikeCatcher", Map.of()}, {"PreTrace", Map.of("tau_s", 10.0)}, {"PostTrace", Map.of("tau_s", 10.0)},
                {"SimpleSTDP", Map.of("a_plus", 0.01, "a_minus", 0.002)}}) {
            synapse.addBehavior(behaviors.require((String) b[0]).create(cast(b[1])));
        }
        inputSpikes = sensory.addBehavior((EventRecorder) EventRecorder.TYPE.create(Map.of("variables", "spikes")));
        outputSpikes = out.addBehavior((EventRecorder) EventRecorder.TYPE.create(Map.of("variables", "spikes")));
        voltages = out.addBehavior(1001, (Recorder) Recorder.TYPE.create(Map.of("variables", "v")));

        Simulation sim = new Simulation(net);
        sim.initialize();
        w0 = Tensors.toDoubles(synapse.array("weights"));
        sim.simulate(DIGITS * T);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    /**
     * Pixels grouped by filtered intensity x (p = 0.25 x per step). The count of a pixel over one
     * 30-step presentation is a renewal count with intervals max(Poisson(1/p), 1): its mean and
     * variance come from {@link TestData#renewalMoments}; pixels are independent, so a bin's total
     * has the summed mean and variance; allowed: 4 standard deviations.
     */
    @Test
    void inputRatesFollowTheFilteredIntensities() {
        long[][] counts = new long[DIGITS][784];
        long[] times = inputSpikes.times("spikes");
        long[] idx = inputSpikes.indices("spikes");
        for (int e = 0; e < times.length; e++) {
            counts[(int) ((times[e] - 1) / T)][(int) idx[e]]++;
        }
        double[] edges = {0, 1e-9, 0.25, 0.5, 0.75, 1 + 1e-9};
        double lastRate = -1;
        for (int b = 0; b + 1 < edges.length; b++) {
            double observed = 0;
            double mean = 0;
            double variance = 0;
            int pixels = 0;
            for (int s = 0; s < DIGITS; s++) {
                double[] x = Tensors.toDoubles(preprocess.apply(digits.get(s)).sensory());
                for (int i = 0; i < 784; i++) {
                    if (x[i] >= edges[b] && x[i] < edges[b + 1]) {
                        double p = (float) ((float) x[i] * (float) RATIO);
                        double[] m = p == 0 ? new double[2] : TestData.renewalMoments(1 / p, T);
                        observed += counts[s][i];
                        mean += m[0];
                        variance += m[1] - m[0] * m[0];
                        pixels++;
                    }
                }
            }
            assertTrue(pixels > 0);
            assertEquals(mean, observed, 4 * Math.sqrt(variance) + 1e-9, "input spikes of intensity bin " + b);
            double rate = observed / pixels / T;
            assertTrue(rate > lastRate, "bin " + b + ": " + rate + " spikes per step");
            lastRate = rate;
        }
    }

    @Test
    void theLayerFiresAndStdpChangesTheWeights() {
        assertTrue(outputSpikes.times("spikes").length > 0, "the STDP layer fires");
        double[] w = Tensors.toDoubles(synapse.array("weights"));
        double change = 0;
        for (int k = 0; k < w.length; k++) {
            assertTrue(Double.isFinite(w[k]));
            change = Math.max(change, Math.abs(w[k] - w0[k]));
        }
        assertTrue(change > 1e-4, "largest weight change " + change);
        for (double v : Tensors.toDoubles(voltages.data("v"))) {
            assertTrue(Double.isFinite(v));
        }
    }

    @Test
    void plotsOfTheRun() {
        Path dir = Path.of("target", "plots");
        RasterPlot.of(inputSpikes, "spikes").neuronCount(784).title("Input: MNIST -> DoG -> Poisson")
                .write(dir.resolve("e2e-input.png"));
        RasterPlot.of(outputSpikes, "spikes").neuronCount(16).title("STDP layer spikes").write(dir.resolve("e2e-out.png"));
        TracePlot.of(voltages, "v").neurons(0, 1, 2).unit("mV").title("STDP layer voltages")
                .write(dir.resolve("e2e-v.png"));
        INDArray w = synapse.array("weights"); // [784, 16]: one 28 x 28 receptive field per column
        INDArray fields = w.transpose().dup('c').reshape(16, 1, 28, 28);
        WeightImage.ofKernels(fields.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4))).title("Receptive fields")
                .size(400, 900).write(dir.resolve("e2e-weights.png"));
        assertTrue(dir.resolve("e2e-weights.png").toFile().length() > 1000);
    }
}
