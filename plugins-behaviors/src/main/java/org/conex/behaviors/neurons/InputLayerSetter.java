package org.conex.behaviors.neurons;

import java.nio.ByteBuffer;
import java.nio.LongBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.Params;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Copies one vector of the input layer that contains a population into its {@code spikes} each
 * step (priority 340, after the layer's SpikeNdDataset at 320): {@code spikes := (layer.<var> != 0)}
 * when the layer's variable is set, else all false. The layer is the group's {@code layer}
 * variable (set by InputLayer), or its {@code parent_structure}. Unlike the reference, values are
 * converted to booleans and the length is checked against the group size.
 */
public abstract class InputLayerSetter extends Behavior<NeuronGroup> {
    private final BoolView spikes = new BoolView("spikes");
    private NetworkObject layer;
    private INDArray source;
    private ByteBuffer sourceBools;
    private Vec sourceFloats;
    private LongBuffer sourceLongs;

    protected InputLayerSetter(Params params) {
        super(params);
    }

    /** The layer variable this setter copies: {@code "x"} or {@code "loc"}. */
    protected abstract String layerVariable();

    /**
     * Finds the containing input layer and creates all-false {@code spikes} (bool[N]).
     *
     * @throws org.conex.api.ModelException if the group is not inside an input layer
     */
    @Override
    public void initialize(NeuronGroup g) {
        Object l = g.has("layer") ? g.get("layer") : g.get("parent_structure");
        if (!(l instanceof NetworkObject) || l == g.network()) {
            throw error("needs the input layer that contains this group (group variable 'layer' or "
                    + "'parent_structure'), found " + (l == null ? "none" : String.valueOf(l))
                    + "; create the population through an InputLayer");
        }
        layer = (NetworkObject) l;
        g.put("spikes", Tensors.zeros(DataType.BOOL, g.size()));
    }

    @Override
    public void forward(NeuronGroup g) {
        ByteBuffer out = spikes.of(g);
        int n = g.size();
        Object value = layer.get(layerVariable());
        if (value == null) {
            for (int i = 0; i < n; i++) {
                out.put(i, (byte) 0);
            }
            return;
        }
        if (!(value instanceof INDArray)) {
            throw error("'" + layer.tag() + "'." + layerVariable() + " must be a vector, found a "
                    + value.getClass().getSimpleName());
        }
        INDArray a = (INDArray) value;
        if (a.length() != n) {
            throw error("'" + layer.tag() + "'." + layerVariable() + " has " + a.length() + " values, the group has "
                    + n + " neurons");
        }
        bind(a);
        for (int i = 0; i < n; i++) {
            boolean on;
            if (sourceBools != null) {
                on = sourceBools.get(i) != 0;
            } else if (sourceFloats != null) {
                on = sourceFloats.get(i) != 0;
            } else if (sourceLongs != null) {
                on = sourceLongs.get(i) != 0;
            } else {
                on = a.getDouble(i) != 0;
            }
            out.put(i, on ? (byte) 1 : 0);
        }
    }

    /** Caches a typed view of the layer's vector (re-created only when the array object changes). */
    private void bind(INDArray a) {
        if (a == source) {
            return;
        }
        source = a;
        sourceBools = null;
        sourceFloats = null;
        sourceLongs = null;
        try {
            if (a.dataType() == DataType.BOOL) {
                sourceBools = Views.bools(a);
            } else if (a.dataType() == DataType.FLOAT || a.dataType() == DataType.DOUBLE) {
                sourceFloats = Vec.of(a);
            } else if (a.dataType() == DataType.LONG) {
                sourceLongs = Views.longs(a);
            }
        } catch (IllegalArgumentException notContiguous) {
            // a strided view: read element by element through ND4J
        }
    }
}
