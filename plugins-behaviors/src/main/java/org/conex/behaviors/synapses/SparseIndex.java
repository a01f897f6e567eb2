package org.conex.behaviors.synapses;

import java.nio.LongBuffer;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Views;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The "sparse index completion rule" (golden/README.md section 4): a synapse whose
 * {@code weights} are {@link SparseWeights} gets {@code src_idx} and {@code dst_idx} (long[nnz]),
 * the row (source) and column (destination) of every stored entry in CSC order (destination
 * ascending, then source ascending). Sparse learning rules index pre/post vectors with them.
 * The reference sets them only on its (crashing) random sparse path; here every sparse synapse
 * gets them, whether its weights were drawn or given.
 */
public final class SparseIndex {
    private SparseIndex() {
    }

    /** Writes {@code src_idx} / {@code dst_idx} if {@code synapse.weights} is sparse; no-op otherwise. */
    public static void complete(SynapseGroup synapse) {
        Object w = synapse.get("weights");
        if (!(w instanceof SparseWeights)) {
            return;
        }
        SparseWeights sw = (SparseWeights) w;
        int nnz = sw.nnz();
        INDArray src = Tensors.zeros(DataType.LONG, nnz);
        INDArray dst = Tensors.zeros(DataType.LONG, nnz);
        LongBuffer s = Views.longs(src);
        LongBuffer d = Views.longs(dst);
        for (int k = 0; k < nnz; k++) {
            s.put(k, sw.row(k));
            d.put(k, sw.col(k));
        }
        synapse.put("src_idx", src);
        synapse.put("dst_idx", dst);
    }
}
