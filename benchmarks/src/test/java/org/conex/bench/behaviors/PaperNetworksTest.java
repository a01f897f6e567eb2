package org.conex.bench.behaviors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Map;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.RandomStreams;
import org.conex.api.tensor.Views;
import org.conex.runtime.BehaviorRegistry;
import org.conex.runtime.Simulation;
import org.junit.jupiter.api.Test;

/**
 * The paper's networks as plugin behaviors (event-driven input and STDP, pair-only clipping)
 * against straightforward dense implementations of the same equations: spikes of every step,
 * final weights and voltages bit for bit. Sizes and couplings are chosen so that spikes, STDP
 * pairs and clipping at both bounds all happen.
 */
class PaperNetworksTest {
    private static final long SEED = 9;
    private static final BehaviorLookup REGISTRY = BehaviorRegistry.fromClassPath();

    private static void add(NetworkObject o, String name, Map<String, ?> params) {
        o.addBehavior(REGISTRY.require(name).create(params));
    }

    private static float[] floats(NetworkObject o, String name) {
        FloatBuffer b = Views.floats(o.array(name));
        float[] out = new float[b.capacity()];
        b.get(0, out);
        return out;
    }

    private static boolean[] bools(NetworkObject o, String name) {
        ByteBuffer b = Views.bools(o.array(name));
        boolean[] out = new boolean[b.capacity()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) != 0;
        }
        return out;
    }

    @Test
    void simpleNetworkEqualsTheDenseComputation() {
        int n = 60;
        float threshold = 4.2f;
        float decay = 0.9f;
        float inc = 0.3f;
        Network net = new Network("simple", DType.FLOAT32, SynapseMode.SxD, SEED);
        NeuronGroup g = net.addNeuronGroup("NG", n);
        add(g, "SimpleSpikeGeneration", Map.of("threshold", (double) threshold, "decay", (double) decay));
        add(g, "SimpleNoisyInput", Map.of("noise", 1.0));
        SynapseGroup s = net.addSynapseGroup("S", g, g, "GLU");
        add(s, "WeightInitializer", Map.of("mode", "random", "scale", 0.5));
        add(s, "SimplePairSTDP", Map.of("increment", (double) inc));
        Simulation sim = new Simulation(net);
        sim.initialize();
        float[] w = floats(s, "weights");
        float[] v = new float[n];
        boolean[] spikes = new boolean[n];
        var noise = new RandomStreams(SEED).stream("NG/20/SimpleNoisyInput");
        int pairs = 0;
        int clipped = 0;
        for (int t = 0; t < 60; t++) {
            boolean[] old = spikes.clone();
            for (int k = 0; k < n; k++) {
                spikes[k] = v[k] > threshold;
                v[k] = (spikes[k] ? 0f : v[k]) * decay;
            }
            float[] sum = new float[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (spikes[i]) {
                    any = true;
                    for (int j = 0; j < n; j++) {
                        sum[j] += w[i * n + j];
                    }
                }
            }
            for (int j = 0; j < n; j++) {
                v[j] = (any ? v[j] + sum[j] : v[j]) + 1f * noise.nextFloat();
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    float x = w[i * n + j] + (old[i] && spikes[j] ? inc : 0f);
                    pairs += old[i] && spikes[j] ? 1 : 0;
                    clipped += x > 1f ? 1 : 0;
                    w[i * n + j] = Kernels.clamp(x, 0f, 1f);
                }
            }
            sim.step();
            assertArrayEquals(spikes, bools(g, "spikes"), "spikes of step " + (t + 1));
        }
        assertArrayEquals(w, floats(s, "weights"));
        assertArrayEquals(v, floats(g, "voltage"));
        assertTrue(pairs > 100 && clipped > 10, "the test must exercise STDP and clipping: " + pairs + ", " + clipped);
    }

    @Test
    void izhikevichNetworkEqualsTheDenseComputation() {
        int n = 50;
        float a = 0.02f;
        float b = 0.04f;
        float c = -65f;
        float d = 2f;
        float tau = 20f;
        float dirac = 0.5f;
        float aPlus = 0.4f;
        float aMinus = 0.45f;
        Network net = new Network("izh", DType.FLOAT32, SynapseMode.SxD, SEED);
        NeuronGroup g = net.addNeuronGroup("NG", n);
        add(g, "IzhikevichInput", Map.of("offset", 25.0, "noise", 3.0));
        add(g, "IzhikevichNeuron", Map.of("a", (double) a, "b", (double) b, "c", (double) c, "d", (double) d));
        add(g, "NeuronTrace", Map.of("tau", (double) tau, "dirac", (double) dirac));
        SynapseGroup s = net.addSynapseGroup("S", g, g, "GLU");
        add(s, "WeightInitializer", Map.of("mode", "random", "scale", 2.0));
        add(s, "TraceSTDP", Map.of("a_plus", (double) aPlus, "a_minus", (double) aMinus));
        Simulation sim = new Simulation(net);
        sim.initialize();
        float[] w = floats(s, "weights");
        float[] v = floats(g, "v");
        float[] u = floats(g, "u");
        float[] trace = new float[n];
        boolean[] spikes = new boolean[n];
        NormalSource normal = new NormalSource(new RandomStreams(SEED).stream("NG/10/IzhikevichInput"));
        int spikeCount = 0;
        for (int k = 0; k < w.length; k++) {
            w[k] = Kernels.clamp(w[k], 0f, 1f);
        }
        for (int t = 0; t < 80; t++) {
            float[] current = new float[n];
            for (int k = 0; k < n; k++) {
                current[k] = 25f + 3f * (float) normal.next();
            }
            float[] sum = new float[n];
            boolean any = false;
            for (int i = 0; i < n; i++) {
                if (spikes[i]) {
                    any = true;
                    for (int j = 0; j < n; j++) {
                        sum[j] += w[i * n + j];
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                current[k] = any ? current[k] + sum[k] : current[k];
                spikes[k] = v[k] >= 30f;
                spikeCount += spikes[k] ? 1 : 0;
                float x = spikes[k] ? c : v[k];
                float y = spikes[k] ? u[k] + d : u[k];
                x = x + ((((0.04f * x) * x + 5f * x) + 140f - y) + current[k]);
                v[k] = x;
                u[k] = y + a * (b * x - y);
                trace[k] = (trace[k] - trace[k] / tau) + (spikes[k] ? dirac : 0f);
            }
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    float x = (w[i * n + j] + (spikes[j] ? aPlus * trace[i] : 0f)) - (spikes[i] ? aMinus * trace[j] : 0f);
                    w[i * n + j] = Kernels.clamp(x, 0f, 1f);
                }
            }
            sim.step();
            assertArrayEquals(spikes, bools(g, "spikes"), "spikes of step " + (t + 1));
        }
        assertArrayEquals(w, floats(s, "weights"));
        assertArrayEquals(v, floats(g, "v"));
        assertArrayEquals(trace, floats(g, "trace"));
        assertTrue(spikeCount > 100, "the test must produce spikes: " + spikeCount);
    }
}
