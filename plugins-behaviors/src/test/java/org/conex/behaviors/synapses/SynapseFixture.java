package org.conex.behaviors.synapses;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.neuron.AxonHistory;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.conex.runtime.Simulation;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Test harness for single synapse behaviors: a network with a source and a destination group and
 * one synapse between them, behaviors created through their registered types, input variables
 * set directly (as spec behaviors.md section 8 asks), and a scriptable {@link StubAxon}.
 */
public final class SynapseFixture {
    public final Network net;
    public final NeuronGroup src;
    public final NeuronGroup dst;
    public final SynapseGroup syn;
    private Simulation sim;

    public SynapseFixture(int nSrc, int nDst) {
        this(new Network("net", DType.FLOAT32, SynapseMode.SxD, 7L), nSrc, nDst);
    }

    public SynapseFixture(Network net, int nSrc, int nDst) {
        this.net = net;
        this.src = net.addNeuronGroup("src", nSrc);
        this.dst = net.addNeuronGroup("dst", nDst);
        this.syn = net.addSynapseGroup("s", src, dst);
    }

    public SynapseFixture(Network net, NeuronGroup src, NeuronGroup dst) {
        this.net = net;
        this.src = src;
        this.dst = dst;
        this.syn = net.addSynapseGroup("s", src, dst);
    }

    /** Creates a behavior of {@code type} with {@code params} and attaches it to {@code owner}. */
    public static Behavior<?> add(NetworkObject owner, BehaviorType type, Map<String, ?> params) {
        return owner.addBehavior(type.create(params));
    }

    public Behavior<?> add(BehaviorType type, Map<String, ?> params) {
        return add(syn, type, params);
    }

    public SynapseFixture initialize() {
        sim = new Simulation(net);
        sim.initialize();
        return this;
    }

    public void step() {
        if (sim == null) {
            initialize();
        }
        sim.step();
    }

    /** Asserts that initialization fails with a message containing every fragment. */
    public void assertInitFails(String... fragments) {
        Exception e = assertThrows(RuntimeException.class, this::initialize);
        assertMessage(e, fragments);
    }

    public static void assertMessage(Throwable e, String... fragments) {
        String m = e.getMessage();
        for (String f : fragments) {
            assertTrue(m != null && m.contains(f), "message should contain \"" + f + "\" but was: " + m);
        }
    }

    /** Flat values of a synapse variable (dense weights, I, traces, delays). */
    public double[] values(String variable) {
        return Tensors.toDoubles(syn.array(variable));
    }

    public static double[] values(INDArray a) {
        return Tensors.toDoubles(a);
    }

    public void putFloats(String variable, double[] data, long... shape) {
        syn.put(variable, Tensors.of(net.dtype(), data, shape));
    }

    public void putBools(String variable, boolean... data) {
        syn.put(variable, Tensors.bools(data, data.length));
    }

    public void putLongs(String variable, long... data) {
        syn.put(variable, Tensors.longs(data, data.length));
    }

    public static boolean[] bools(INDArray a) {
        ByteBuffer b = Views.bools(a);
        boolean[] out = new boolean[(int) a.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i) != 0;
        }
        return out;
    }

    public static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public static List<Double> list(double... v) {
        return Arrays.stream(v).boxed().toList();
    }

    /** A spike history that tests fill directly; row 0 = this step, row d = d steps ago. */
    public static final class StubAxon implements AxonHistory {
        private final boolean[][] rows;

        public StubAxon(int maxDelay, int size) {
            rows = new boolean[maxDelay][size];
        }

        /** Pushes this step's spikes into row 0 (older rows move up, the oldest falls off). */
        public void push(boolean... spikes) {
            for (int d = rows.length - 1; d > 0; d--) {
                rows[d] = rows[d - 1];
            }
            rows[0] = spikes.clone();
        }

        @Override
        public int maxDelay() {
            return rows.length;
        }

        @Override
        public int size() {
            return rows[0].length;
        }

        @Override
        public boolean spiked(int delay, int neuron) {
            return rows[delay][neuron];
        }
    }
}
