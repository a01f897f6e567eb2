package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * Inhibitory STDP on dense weights {@code [N_src, N_dst]} (SxD), priority 500:
 * {@code dW = lr * (outer(s_pre, sign * (alpha - x_post)) + outer(x_pre, s_post))} (see
 * {@link IstdpRule}). Event-driven: only the rows of spiking sources and the columns of spiking
 * destinations are touched, with the reference's per-element expression.
 */
public final class SimpleiSTDP extends IstdpRule {
    public static final BehaviorType TYPE = typeBuilder("SimpleiSTDP", SimpleiSTDP::new)
            .params(specs())
            .description("symmetric inhibitory STDP (Vogels 2011) on dense weights (event-driven)")
            .build();

    public SimpleiSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        denseWeights(syn);
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = denseWeights(syn);
        int nSrc = syn.src().size();
        int nDst = syn.dst().size();
        Vec xPre = inputs.preTrace();
        Vec xPost = inputs.postTrace();
        int nPost = inputs.postCount();
        for (int i = 0; i < nSrc; i++) {
            double xi = xPre.get(i);
            int row = i * nDst;
            if (inputs.preSpike(i)) {
                for (int j = 0; j < nDst; j++) {
                    w.set(row + j, w.get(row + j) + dw(xi, true, xPost.get(j), inputs.postSpike(j)));
                }
            } else {
                for (int k = 0; k < nPost; k++) {
                    int j = inputs.postIndex(k);
                    w.set(row + j, w.get(row + j) + dw(xi, false, xPost.get(j), true));
                }
            }
        }
    }
}
