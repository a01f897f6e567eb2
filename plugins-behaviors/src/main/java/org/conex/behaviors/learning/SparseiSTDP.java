package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.SparseWeights;
import org.conex.api.tensor.Vec;

/**
 * Inhibitory STDP on sparse weights ({@link SparseWeights}), priority 500: the {@link SimpleiSTDP}
 * formula for every stored entry, updating the stored values in place. Event-driven over the
 * columns of spiking destinations and the rows of spiking sources.
 */
public final class SparseiSTDP extends IstdpRule {
    public static final BehaviorType TYPE = typeBuilder("SparseiSTDP", SparseiSTDP::new)
            .params(specs())
            .description("symmetric inhibitory STDP (Vogels 2011) on sparse weights (event-driven)")
            .build();

    public SparseiSTDP(Params params) {
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
                v.set(k, v.get(k) + dw(xPre.get(i), inputs.preSpike(i), xj, true));
            }
        }
        for (int q = 0, n = inputs.preCount(); q < n; q++) {
            int i = inputs.preIndex(q);
            double xi = xPre.get(i);
            for (int p = w.rowStart(i), end = w.rowStart(i + 1); p < end; p++) {
                int k = w.rowEntry(p);
                int j = w.col(k);
                if (!inputs.postSpike(j)) {
                    v.set(k, v.get(k) + dw(xi, true, xPost.get(j), false));
                }
            }
        }
    }
}
