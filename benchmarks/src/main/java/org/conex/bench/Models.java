package org.conex.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import org.conex.api.behavior.Behavior;
import org.conex.api.behavior.BehaviorLookup;
import org.conex.api.model.NetworkObject;
import org.conex.api.model.NeuronGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Small helpers the workloads use to build models by registered name and to read results. */
final class Models {
    private Models() {
    }

    /**
     * Creates the behavior registered as {@code name} with parameters given as alternating names and
     * values, and attaches it at its default priority.
     */
    static Behavior<?> add(BehaviorLookup behaviors, NetworkObject owner, String name, Object... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("parameters of " + name + " must be name/value pairs");
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        Behavior<?> b = behaviors.require(name).create(p);
        owner.addBehavior(b);
        return b;
    }

    /** The group's {@code spike_count} (SpikeCounter). */
    static long spikeCount(NeuronGroup g) {
        LongBuffer b = Views.longs(g.array("spike_count"));
        return b.get(0);
    }

    /** Mean of a synapse's weights (dense or the stored entries of sparse), summed in double. */
    static double meanWeight(NetworkObject synapse) {
        Object w = synapse.get("weights");
        INDArray a = w instanceof SparseWeights ? ((SparseWeights) w).values() : (INDArray) w;
        Vec v = Vec.of(a);
        double sum = 0;
        if (v instanceof Vec.F32) {
            FloatBuffer f = ((Vec.F32) v).buffer();
            for (int i = 0, n = f.capacity(); i < n; i++) {
                sum += f.get(i);
            }
        } else {
            for (int i = 0, n = v.length(); i < n; i++) {
                sum += v.get(i);
            }
        }
        return v.length() == 0 ? 0 : sum / v.length();
    }
}
