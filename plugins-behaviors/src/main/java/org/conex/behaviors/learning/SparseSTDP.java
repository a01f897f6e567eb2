package org.conex.behaviors.learning;

import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Kernels;

/**
 * STDP on sparse weights ({@link SparseWeights}, CSC), priority 500: the {@link SimpleSTDP}
 * formula for every stored entry {@code k = (i, j)}, updating the stored values in place; absent
 * entries stay absent. Event-driven: only the entries in the columns of spiking destinations and
 * the rows of spiking sources are visited (column ranges and the row index of the CSC matrix),
 * and those rows and columns are reported on the synapse's {@link SynapseGroup#weightChanges()
 * weight changes} ({@link ReportedWrites}: clamped to the bounds a following WeightClip offers),
 * so WeightClip visits at most them. Float32 networks use the plain float kernel of
 * {@link FloatStdp}, bit-identical to {@link StdpParams#dw}.
 */
public final class SparseSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("SparseSTDP", SparseSTDP::new)
            .params(StdpParams.specs())
            .weightAccess(WeightAccess.REPORTED)
            .description("pair-based STDP on sparse weights (event-driven)")
            .build();

    private final ReportedWrites writes = new ReportedWrites();
    private FloatStdp f32;

    public SparseSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        sparseWeights(syn);
        f32 = syn.network().dtype() == DType.FLOAT32 ? new FloatStdp(stdp) : null;
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        SparseWeights w = sparseWeights(syn);
        Vec v = sparseValues();
        Vec xPre = inputs.preTrace();
        Vec xPost = inputs.postTrace();
        writes.begin(syn);
        for (int q = 0, n = inputs.preCount(); q < n; q++) {
            writes.row(inputs.preIndex(q));
        }
        for (int q = 0, n = inputs.postCount(); q < n; q++) {
            writes.column(inputs.postIndex(q));
        }
        if (f32 != null && v instanceof Vec.F32 && xPre instanceof Vec.F32 && xPost instanceof Vec.F32) {
            forwardF32(w, ((Vec.F32) v).buffer(), ((Vec.F32) xPre).buffer(), ((Vec.F32) xPost).buffer());
            return;
        }
        double lo = writes.lower();
        double hi = writes.upper();
        for (int q = 0, n = inputs.postCount(); q < n; q++) {
            int j = inputs.postIndex(q);
            double xj = xPost.get(j);
            for (int k = w.colStart(j), end = w.colStart(j + 1); k < end; k++) {
                int i = w.row(k);
                double wk = v.get(k);
                v.set(k, Kernels.clamp(v.round(wk + stdp.dw(wk, xPre.get(i), inputs.preSpike(i), xj, true)), lo, hi));
            }
        }
        for (int q = 0, n = inputs.preCount(); q < n; q++) {
            int i = inputs.preIndex(q);
            double xi = xPre.get(i);
            for (int p = w.rowStart(i), end = w.rowStart(i + 1); p < end; p++) {
                int k = w.rowEntry(p);
                int j = w.col(k);
                if (!inputs.postSpike(j)) {
                    double wk = v.get(k);
                    v.set(k, Kernels.clamp(v.round(wk + stdp.dw(wk, xi, true, xPost.get(j), false)), lo, hi));
                }
            }
        }
    }

    /** Float32 path: the same entries and values in plain float arithmetic ({@link FloatStdp}). */
    private void forwardF32(SparseWeights w, FloatBuffer v, FloatBuffer xPre, FloatBuffer xPost) {
        float lo = (float) writes.lower();
        float hi = (float) writes.upper();
        boolean[] post = inputs.postFlags();
        for (int q = 0, n = inputs.postCount(); q < n; q++) {
            int j = inputs.postIndex(q);
            float xj = xPost.get(j);
            for (int k = w.colStart(j), end = w.colStart(j + 1); k < end; k++) {
                int i = w.row(k);
                v.put(k, f32.updated(v.get(k), xPre.get(i), inputs.preSpike(i), xj, true, lo, hi));
            }
        }
        for (int q = 0, n = inputs.preCount(); q < n; q++) {
            int i = inputs.preIndex(q);
            float xi = xPre.get(i);
            for (int p = w.rowStart(i), end = w.rowStart(i + 1); p < end; p++) {
                int j = w.rowCol(p);
                if (!post[j]) {
                    int k = w.rowEntry(p);
                    v.put(k, f32.updated(v.get(k), xi, true, xPost.get(j), false, lo, hi));
                }
            }
        }
    }
}
