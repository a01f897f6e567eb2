package org.conex.bench;

import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Bytes a synapse group holds for its connections: every array variable of the synapse (weights,
 * sparse index vectors) plus, for {@link SparseWeights}, {@link SparseWeights#memoryBytes()}.
 * Per-neuron vectors (delays, spikes, traces) count too; they are negligible next to the
 * connections of any sizeable group.
 */
final class SynapseMemory {
    private SynapseMemory() {
    }

    static long bytes(SynapseGroup s) {
        long total = 0;
        for (String name : s.variables()) {
            Object v = s.get(name);
            if (v instanceof INDArray) {
                INDArray a = (INDArray) v;
                total += a.length() * a.dataType().width();
            } else if (v instanceof SparseWeights) {
                total += ((SparseWeights) v).memoryBytes();
            }
        }
        return total;
    }
}
