package org.conex.behaviors.dendrites;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Sparse input (priority 180): {@code I_j = Σ_{stored (i, j), pre_i} w_ij}, then times
 * {@code current_coef * current_type} (see {@link DendriticInput}).
 *
 * <p>Weights: {@link SparseWeights} {@code [N_src, N_dst]} (WeightInitializer with density &lt; 1
 * and true_sparsity, or an explicit sparse {@code weights} object). Needs an SxD network.
 * Event-driven: for each spiking source only its stored entries are visited, through the
 * matrix's row index; the cost is O(N_dst + entries of spiking rows) per step.
 */
public final class SparseDendriticInput extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("SparseDendriticInput", SparseDendriticInput::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF)
            .description("I = pre^T * W over the stored entries of sparse (CSC) weights")
            .build();

    private INDArray valuesArray;
    private Vec values;
    private float[] acc = new float[0];

    public SparseDendriticInput(Params params) {
        super(params);
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        if (synapse.network().synapseMode() != SynapseMode.SxD) {
            throw error("needs a network in SxD mode, found " + synapse.network().synapseMode());
        }
        Object w = synapse.get("weights");
        int s = synapse.src().size();
        int d = synapse.dst().size();
        if (!(w instanceof SparseWeights)) {
            throw error("needs sparse weights [" + s + ", " + d + "] (WeightInitializer with density < 1 and "
                    + "true_sparsity, or a sparse 'weights' object), found " + describeWeights(w));
        }
        SparseWeights sw = (SparseWeights) w;
        if (sw.rows() != s || sw.cols() != d) {
            throw error("needs sparse weights [" + s + ", " + d + "], found [" + sw.rows() + ", " + sw.cols() + "]");
        }
        valuesArray = null;
    }

    @Override
    protected void calculateInput(SynapseGroup synapse, ByteBuffer pre, Vec out) {
        SparseWeights w = synapse.attr("weights", SparseWeights.class);
        if (w.values() != valuesArray) {
            values = Vec.of(w.values());
            valuesArray = w.values();
        }
        if (values instanceof Vec.F32 && out instanceof Vec.F32) {
            sumF32(w, ((Vec.F32) values).buffer(), pre, ((Vec.F32) out).buffer());
            return;
        }
        out.fill(0);
        for (int i = 0, s = w.rows(); i < s; i++) {
            if (pre.get(i) == 0) {
                continue;
            }
            for (int p = w.rowStart(i), end = w.rowStart(i + 1); p < end; p++) {
                int k = w.rowEntry(p);
                int j = w.col(k);
                out.set(j, out.get(j) + values.get(k));
            }
        }
    }

    /** Float32 path: the same additions, in the same order, into a heap accumulator. */
    private void sumF32(SparseWeights w, FloatBuffer values, ByteBuffer pre, FloatBuffer out) {
        int d = out.capacity();
        if (acc.length != d) {
            acc = new float[d];
        }
        java.util.Arrays.fill(acc, 0f);
        for (int i = 0, s = w.rows(); i < s; i++) {
            if (pre.get(i) == 0) {
                continue;
            }
            for (int p = w.rowStart(i), end = w.rowStart(i + 1); p < end; p++) {
                acc[w.rowCol(p)] += values.get(w.rowEntry(p));
            }
        }
        out.put(0, acc, 0, d);
    }
}
