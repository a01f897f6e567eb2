package org.conex.behaviors.spatial;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.model.Network;
import org.conex.api.model.NeuronGroup;
import org.conex.api.model.NeuronShape;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.runtime.Simulation;

/**
 * A network with one synapse group {@code s} between shaped groups (or a group and itself), whose
 * behaviors are created through their registered types. Tests set the synapse's inputs
 * ({@code pre_spike}, traces, ...) directly after initialization and call a behavior's forward, as
 * the spec's section 8 asks.
 */
public final class SpatialFixture {
    public final Network net;
    public final NeuronGroup src;
    public final NeuronGroup dst;
    public final SynapseGroup syn;

    /** src and dst as depth x height x width. */
    public SpatialFixture(NeuronShape srcShape, NeuronShape dstShape) {
        this(DType.FLOAT32, srcShape, dstShape);
    }

    public SpatialFixture(DType dtype, NeuronShape srcShape, NeuronShape dstShape) {
        net = new Network("net", dtype, SynapseMode.SxD, 3L);
        src = net.addNeuronGroup("src", srcShape);
        dst = net.addNeuronGroup("dst", dstShape);
        syn = net.addSynapseGroup("s", src, dst);
    }

    /** A lateral synapse from {@code group} to itself. */
    public SpatialFixture(NeuronGroup group) {
        net = group.network();
        src = group;
        dst = group;
        syn = net.addSynapseGroup("lat", group, group);
    }

    public static NeuronShape shape(int d, int h, int w) {
        return new NeuronShape(d, h, w);
    }

    /** Attaches WeightInitializer with explicit weights of the given shape (C order). */
    public SpatialFixture weights(double[] data, int... shape) {
        java.util.List<Object> nested = nest(data, shape, 0, 0);
        add(org.conex.behaviors.synapses.WeightInitializer.TYPE, "weights", nested);
        return this;
    }

    /** Attaches WeightInitializer with explicit weights and a kernel_shape (Local2d). */
    public SpatialFixture localWeights(double[] data, int[] kernelShape) {
        int[] shape = {kernelShape[0], kernelShape[1] * kernelShape[2], kernelShape[3] * kernelShape[4] * kernelShape[5]};
        java.util.List<Integer> ks = new java.util.ArrayList<>();
        for (int k : kernelShape) {
            ks.add(k);
        }
        add(org.conex.behaviors.synapses.WeightInitializer.TYPE, "weights", nest(data, shape, 0, 0), "kernel_shape", ks);
        return this;
    }

    private static java.util.List<Object> nest(double[] data, int[] shape, int dim, int offset) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                out.add(data[offset + i]);
            } else {
                out.add(nest(data, shape, dim + 1, offset + i * stride));
            }
        }
        return out;
    }

    /** Creates a behavior of {@code type} from key/value pairs and attaches it at its default priority. */
    public Behavior<?> add(BehaviorType type, Object... kv) {
        return syn.addBehavior(type.create(params(kv)));
    }

    public static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    public SpatialFixture initialize() {
        new Simulation(net).initialize();
        return this;
    }

    /**
     * Asserts that initialization fails with a message containing every fragment; returns the
     * message of the behavior's own exception (the root cause, without the scheduler's wrapping).
     */
    public String assertInitFails(String... fragments) {
        Throwable e = assertThrows(RuntimeException.class, this::initialize);
        while (e.getCause() != null) {
            e = e.getCause();
        }
        for (String f : fragments) {
            assertTrue(e.getMessage() != null && e.getMessage().contains(f),
                    "message should contain \"" + f + "\" but was: " + e.getMessage());
        }
        return e.getMessage();
    }

    /** Puts weights directly on the synapse (no WeightInitializer and its own shape checks). */
    public SpatialFixture rawWeights(double[] data, long... shape) {
        syn.put("weights", Tensors.of(net.dtype(), data, shape));
        return this;
    }

    public void putSpikes(String variable, int... bits) {
        boolean[] b = new boolean[bits.length];
        for (int i = 0; i < bits.length; i++) {
            b[i] = bits[i] != 0;
        }
        syn.put(variable, Tensors.bools(b, b.length));
    }

    public void putFloats(String variable, double... data) {
        syn.put(variable, Tensors.of(net.dtype(), data, data.length));
    }

    public double[] values(String variable) {
        return Tensors.toDoubles(syn.array(variable));
    }

    /** Runs one forward of {@code b} on the synapse. */
    @SuppressWarnings("unchecked")
    public void forward(Behavior<?> b) {
        ((Behavior<SynapseGroup>) b).forward(syn);
    }
}
