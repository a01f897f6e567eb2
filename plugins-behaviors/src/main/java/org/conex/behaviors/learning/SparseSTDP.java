package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;

/**
 * STDP on sparse weights ({@link SparseWeights}, CSC), priority 500: the {@link SimpleSTDP}
 * formula for every stored entry {@code k = (i, j)}, updating the stored values in place; absent
 * entries stay absent. Event-driven: only the entries in the columns of spiking destinations and
 * the rows of spiking sources are visited (column ranges and the row index of the CSC matrix).
 */
public final class SparseSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("SparseSTDP", SparseSTDP::new)
            .params(StdpParams.specs())
            .description("pair-based STDP on sparse weights (event-driven)")
            .build();

    public SparseSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        sparseWeights(syn);
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        SparseWeights w = sparseWeights(syn);
        Vec v = sparseValues();
        Vec xPre = inputs.preTrace();
        Vec xPost = inputs.postTrace();
        for (int q = 0, n = inputs.postCount(); q < n; q++) {
            int j = inputs.postIndex(q);
            double xj = xPost.get(j);
            for (int k = w.colStart(j), end = w.colStart(j + 1); k < end; k++) {
                int i = w.row(k);
                double wk = v.get(k);
                v.set(k, wk + stdp.dw(wk, xPre.get(i), inputs.preSpike(i), xj, true));
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
                    v.set(k, wk + stdp.dw(wk, xi, true, xPost.get(j), false));
                }
            }
        }
    }
}
