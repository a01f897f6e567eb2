package org.conex.api.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A population of {@code size} neurons, optionally with a depth x height x width geometry.
 * Per-neuron state (v in mV, spikes, I, thresholds, ...) are rank-1 arrays of length size.
 * When the group has a geometry, centred positions {@code x, y, z} are created as variables
 * (neuron i: x = i mod width - (width-1)/2, etc.).
 */
public final class NeuronGroup extends NetworkObject {
    private final int size;
    private final NeuronShape shape;

    NeuronGroup(Network network, String tag, int size, NeuronShape shape) {
        super(network, tag, "NeuronGroup");
        addTag("ng");
        this.size = size;
        this.shape = shape;
        if (shape != null && size > 0) {
            double[] x = new double[size];
            double[] y = new double[size];
            double[] z = new double[size];
            int w = shape.width();
            int h = shape.height();
            int d = shape.depth();
            for (int i = 0; i < size; i++) {
                x[i] = (i % w) - (w - 1) / 2.0;
                y[i] = ((i / w) % h) - (h - 1) / 2.0;
                z[i] = ((i / (w * h)) % d) - (d - 1) / 2.0;
            }
            put("x", org.conex.api.tensor.Tensors.of(network.dtype(), x, size));
            put("y", org.conex.api.tensor.Tensors.of(network.dtype(), y, size));
            put("z", org.conex.api.tensor.Tensors.of(network.dtype(), z, size));
        }
    }

    @Override
    public String kind() {
        return "neuron group";
    }

    /** Number of neurons. */
    public int size() {
        return size;
    }

    /** True if the group was given a depth x height x width geometry. */
    public boolean hasGeometry() {
        return shape != null;
    }

    /** The geometry, or 1 x 1 x size for a flat group. */
    public NeuronShape shape() {
        return shape != null ? shape : NeuronShape.flat(size);
    }

    /** Synapse groups ending here that carry {@code tag} ("All" for every one), in creation order. */
    public List<SynapseGroup> afferent(String tag) {
        List<SynapseGroup> out = new ArrayList<>();
        for (SynapseGroup s : network().synapseGroups()) {
            if (s.dst() == this && ("All".equals(tag) || s.hasTag(tag))) {
                out.add(s);
            }
        }
        return out;
    }

    /** Synapse groups starting here that carry {@code tag} ("All" for every one), in creation order. */
    public List<SynapseGroup> efferent(String tag) {
        List<SynapseGroup> out = new ArrayList<>();
        for (SynapseGroup s : network().synapseGroups()) {
            if (s.src() == this && ("All".equals(tag) || s.hasTag(tag))) {
                out.add(s);
            }
        }
        return out;
    }
}
