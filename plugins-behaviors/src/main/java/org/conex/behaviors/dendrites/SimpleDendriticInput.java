package org.conex.behaviors.dendrites;

import java.nio.ByteBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.Target;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.model.SynapseMode;
import org.conex.api.tensor.Kernels;
import org.conex.api.tensor.RowSums;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Dense all-to-all input (priority 180): {@code I_j = Σ_{i: pre_i} W[i, j]}, the sum of the
 * weight rows of the sources that spiked ({@code preᵀ·W}), then times
 * {@code current_coef * current_type} (see {@link DendriticInput}).
 *
 * <p>Weights: dense {@code [N_src, N_dst]} (SxD). Needs an SxD network (checked at
 * initialization, as in the reference). Event-driven: only the rows of spiking sources are read,
 * accumulated in ascending source order (the reference's row-selection sum) by
 * {@link RowSums}, four rows per pass over the destination vector.
 */
public final class SimpleDendriticInput extends DendriticInput {
    public static final BehaviorType TYPE = BehaviorType.builder("SimpleDendriticInput", SimpleDendriticInput::new)
            .priority(PRIORITY).target(Target.SYNAPSE_GROUP)
            .weightAccess(WeightAccess.NONE)
            .params(CURRENT_COEF)
            .description("I = sum of the weight rows of spiking sources (dense SxD weights)")
            .build();

    private int[] active;
    private float[] sum;
    private RowSums rowSums;

    public SimpleDendriticInput(Params params) {
        super(params);
    }

    @Override
    protected void initializeInput(SynapseGroup synapse) {
        if (synapse.network().synapseMode() != SynapseMode.SxD) {
            throw error("needs a network in SxD mode (weights [N_src, N_dst]), found " + synapse.network().synapseMode());
        }
        Object w = synapse.get("weights");
        int s = synapse.src().size();
        int d = synapse.dst().size();
        if (!(w instanceof INDArray) || ((INDArray) w).rank() != 2 || ((INDArray) w).rows() != s
                || ((INDArray) w).columns() != d) {
            throw error("needs dense weights [" + s + ", " + d + "] ([N_src, N_dst]) from a WeightInitializer, found "
                    + describeWeights(w) + (w == null ? " (add a WeightInitializer before priority 180)" : ""));
        }
        active = new int[s];
        sum = new float[d];
        rowSums = new RowSums(d);
    }

    @Override
    protected void calculateInput(SynapseGroup synapse, ByteBuffer pre, Vec out) {
        Vec w = synapse.vec("weights");
        int n = Kernels.spikeIndices(pre, active.length, active);
        if (w instanceof Vec.F32 && out instanceof Vec.F32) {
            int d = out.length();
            rowSums.sum(((Vec.F32) w).buffer(), active, n, sum, synapse.network().kernelThreads());
            putScaled(((Vec.F32) out).buffer(), sum, d);
        } else {
            sumRows(w, out, n);
        }
    }

    /** Generic path (float64 networks): same order, rounded by the view. */
    private void sumRows(Vec w, Vec out, int n) {
        int d = out.length();
        out.fill(0);
        for (int k = 0; k < n; k++) {
            int r = active[k] * d;
            for (int j = 0; j < d; j++) {
                out.set(j, out.get(j) + w.get(r + j));
            }
        }
    }
}
