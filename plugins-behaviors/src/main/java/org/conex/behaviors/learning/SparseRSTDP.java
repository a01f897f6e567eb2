package org.conex.behaviors.learning;

import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;

/**
 * Reward-modulated STDP on sparse weights ({@link SparseWeights}), priority 500: the
 * {@link SparseSTDP} increment feeds an eligibility {@code c [nnz]} with one value per stored entry
 * in CSC order, and the stored values move by {@code c * dopamine} (see {@link RstdpRule}). One
 * fused pass over the stored entries per step.
 */
public final class SparseRSTDP extends RstdpRule {
    public static final BehaviorType TYPE = typeBuilder("SparseRSTDP", SparseRSTDP::new)
            .params(specs())
            .description("reward-modulated STDP on sparse weights")
            .build();

    public SparseRSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        SparseWeights w = sparseWeights(syn);
        createEligibility(syn, w.nnz(), w.nnz());
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        SparseWeights w = sparseWeights(syn);
        Vec v = sparseValues();
        Vec c = eligibilityView(syn, w.nnz());
        double[] d = dopaminePerDestination(syn);
        boolean f32 = v instanceof Vec.F32 && c instanceof Vec.F32;
        for (int j = 0, nDst = w.cols(); j < nDst; j++) {
            if (f32) {
                columnF32(w, ((Vec.F32) v).buffer(), ((Vec.F32) c).buffer(), j, (float) d[j]);
            } else {
                column(w, v, c, j, d[j]);
            }
        }
    }

    /** The stored entries of column j in the dtype-generic arithmetic (float64 networks). */
    private void column(SparseWeights w, Vec v, Vec c, int j, double d) {
        boolean sPost = inputs.postSpike(j);
        double xj = inputs.postTrace().get(j);
        Vec xPre = inputs.preTrace();
        for (int k = w.colStart(j), end = w.colStart(j + 1); k < end; k++) {
            int i = w.row(k);
            double wk = v.get(k);
            boolean sPre = inputs.preSpike(i);
            double dw = sPre || sPost ? stdp.dw(wk, xPre.get(i), sPre, xj, sPost) : 0.0;
            double ck = eligibility(c.get(k), dw);
            c.set(k, ck);
            v.set(k, wk + dtype.round(ck * d));
        }
    }

    /** Column j of a float32 network in float arithmetic (equal to {@link #column} rounded per op). */
    private void columnF32(SparseWeights w, FloatBuffer v, FloatBuffer c, int j, float d) {
        boolean sPost = inputs.postSpike(j);
        double xj = inputs.postTrace().get(j);
        Vec xPre = inputs.preTrace();
        float tau = (float) tauC;
        for (int k = w.colStart(j), end = w.colStart(j + 1); k < end; k++) {
            int i = w.row(k);
            float wk = v.get(k);
            boolean sPre = inputs.preSpike(i);
            float dw = sPre || sPost ? (float) stdp.dw(wk, xPre.get(i), sPre, xj, sPost) : 0f;
            float ck = c.get(k);
            ck = ck + (-ck / tau + dw);
            c.put(k, ck);
            v.put(k, wk + ck * d);
        }
    }
}
