package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * Reward-modulated STDP on dense weights {@code [N_src, N_dst]} (SxD), priority 500: the
 * {@link SimpleSTDP} increment feeds the eligibility {@code c [N_src, N_dst]} and the weights move
 * by {@code c * dopamine} (see {@link RstdpRule}). One fused pass over all entries per step: the
 * STDP term is evaluated only where the source or the destination spiked (it is exactly 0
 * elsewhere), the eligibility decay and the weight update everywhere.
 */
public final class SimpleRSTDP extends RstdpRule {
    public static final BehaviorType TYPE = typeBuilder("SimpleRSTDP", SimpleRSTDP::new)
            .params(specs())
            .description("reward-modulated STDP on dense weights")
            .build();

    public SimpleRSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        Vec w = denseWeights(syn);
        createEligibility(syn, w.length(), syn.src().size(), syn.dst().size());
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = denseWeights(syn);
        Vec c = syn.vec("c");
        double d = dopamine(syn.network());
        int nSrc = syn.src().size();
        int nDst = syn.dst().size();
        Vec xPre = inputs.preTrace();
        Vec xPost = inputs.postTrace();
        for (int i = 0; i < nSrc; i++) {
            boolean sPre = inputs.preSpike(i);
            double xi = xPre.get(i);
            int row = i * nDst;
            for (int j = 0; j < nDst; j++) {
                int k = row + j;
                double wk = w.get(k);
                boolean sPost = inputs.postSpike(j);
                double dw = sPre || sPost ? stdp.dw(wk, xi, sPre, xPost.get(j), sPost) : 0.0;
                double ck = eligibility(c.get(k), dw);
                c.set(k, ck);
                w.set(k, wk + dtype.round(ck * d));
            }
        }
    }
}
