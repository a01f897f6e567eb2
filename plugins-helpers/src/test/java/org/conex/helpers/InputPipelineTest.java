package org.conex.helpers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.helper.DataSource;
import org.conex.api.helper.HelperContext;
import org.conex.api.helper.HelperRegistry;
import org.conex.api.helper.SampleTransform;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseMode;
import org.conex.api.record.EventRecorder;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.helpers.data.InstancePresenter;
import org.conex.helpers.viz.RasterPlot;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The input half of the end-to-end pipeline, as a model file would describe it: MNIST
 * digits, a DoG filter, normalization and a Poisson encoder, named by registered type; each
 * digit is presented for 30 steps to a 1x28x28 sensory group of a running network, and the
 * recorded input rates follow the filtered pixel intensities. (The STDP layer behind it belongs
 * to the structures and learning plugins.)
 */
class InputPipelineTest {
    private static final int STEPS_PER_DIGIT = 30;
    private static final double RATE_HZ = 100;

    /** Copies the presenter's current frame into the group's spikes each step (an input layer's job). */
    static final class PresentInput extends Behavior<NeuronGroup> {
        static InstancePresenter presenter;
        static final BehaviorType TYPE = BehaviorType.builder("PresentInput", PresentInput::new).priority(320)
                .target(Target.NEURON_GROUP).build();

        PresentInput(Params p) {
            super(p);
        }

        @Override
        public void initialize(NeuronGroup owner) {
            owner.put("spikes", Tensors.zeros(DataType.BOOL, owner.size()));
        }

        @Override
        public void forward(NeuronGroup owner) {
            presenter.advance();
            presenter.copyInto(owner.array("spikes"));
        }
    }

    private static Map<String, Object> step(String type, Map<String, Object> params) {
        return Map.of("type", type, "params", params);
    }

    @Test
    void mnistThroughDoGAndPoissonDrivesTheSensoryGroup() {
        HelperRegistry helpers = HelperRegistry.fromClassPath();
        Network net = new Network("mnist", DType.FLOAT32, SynapseMode.SxD, 42);
        HelperContext ctx = new HelperContext(net.random(), TestData.mnistDir(), "input");
        DataSource digits = helpers.dataset(step("MNIST", Map.of("images", "images-idx3-ubyte.gz",
                "labels", "labels-idx1-ubyte.gz", "limit", 3)), ctx);
        SampleTransform preprocess = helpers.pipeline(List.of(
                step("SqueezeTransform", Map.of("dim", 0)),
                step("DoGFilter", Map.of("size", 5, "sigma_1", 1.0, "sigma_2", 2.0, "zero_mean", true, "padding", 2)),
                step("AbsoluteTransform", Map.of()),
                step("NormalizeTransform", Map.of("method", "min_max"))), ctx);
        SampleTransform encode = helpers.pipeline(List.of(
                step("PoissonEncoder", Map.of("rate", RATE_HZ, "duration", STEPS_PER_DIGIT, "dt", 1.0))), ctx);

        NeuronGroup sensory = net.addNeuronGroup("Sensory", new NeuronShape(1, 28, 28));
        PresentInput.presenter = InstancePresenter.spikeTrains(digits.map(preprocess.andThen(encode)), 0, false);
        sensory.addBehavior(PresentInput.TYPE.create(Map.of()));
        EventRecorder rec = sensory.addBehavior(
                (EventRecorder) EventRecorder.TYPE.create(Map.of("variables", List.of("spikes"))));
        Simulation sim = new Simulation(net);
        sim.initialize();
        sim.simulate(3 * STEPS_PER_DIGIT);

        long[] times = rec.times("spikes");
        long[] idx = rec.indices("spikes");
        long[][] counts = new long[3][784];
        for (int e = 0; e < times.length; e++) {
            counts[(int) ((times[e] - 1) / STEPS_PER_DIGIT)][(int) idx[e]]++;
        }
        // Expected counts: intensity x gives probability x * 100 Hz * 1 ms = 0.1 x per step, 30 steps.
        // Per intensity bin, the total count is a sum of independent Bernoulli draws with variance
        // sum 30 p (1 - p); observed totals must lie within 4 standard deviations, and bin rates must rise.
        double[] edges = {0, 1e-9, 0.2, 0.5, 0.8, 1.0 + 1e-9};
        double lastRate = -1;
        for (int b = 0; b + 1 < edges.length; b++) {
            double observed = 0;
            double expected = 0;
            double variance = 0;
            int pixels = 0;
            for (int s = 0; s < 3; s++) {
                double[] x = Tensors.toDoubles(preprocess.apply(digits.get(s)).sensory());
                assertEquals(784, x.length);
                for (int i = 0; i < 784; i++) {
                    if (x[i] >= edges[b] && x[i] < edges[b + 1]) {
                        double p = x[i] * RATE_HZ / 1000;
                        observed += counts[s][i];
                        expected += STEPS_PER_DIGIT * p;
                        variance += STEPS_PER_DIGIT * p * (1 - p);
                        pixels++;
                    }
                }
            }
            assertTrue(pixels > 0, "bin " + b + " has pixels");
            assertEquals(expected, observed, 4 * Math.sqrt(variance) + 1e-9, "spike count of intensity bin " + b);
            double rate = observed / (pixels * STEPS_PER_DIGIT) * 1000;
            assertTrue(rate > lastRate, "rates rise with intensity: bin " + b + " at " + rate + " Hz");
            lastRate = rate;
        }
        Path png = RasterPlot.of(rec, "spikes").neuronCount(784).title("MNIST -> DoG -> Poisson (3 digits)")
                .write(Path.of("target", "plots", "mnist-input-raster.png"));
        assertTrue(png.toFile().length() > 1000);
        assertArrayEquals(new long[] {784}, sensory.array("spikes").shape());
    }
}
