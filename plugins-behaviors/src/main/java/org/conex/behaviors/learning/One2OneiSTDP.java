package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * Inhibitory STDP on one-to-one weights {@code [N]}, priority 500:
 * {@code dW[i] = lr * (s_pre[i] * sign * (alpha - x_post[i]) + x_pre[i] * s_post[i])} (see
 * {@link IstdpRule}); pairs without a spike are left untouched.
 */
public final class One2OneiSTDP extends IstdpRule {
    public static final BehaviorType TYPE = typeBuilder("One2OneiSTDP", One2OneiSTDP::new)
            .params(specs())
            .description("symmetric inhibitory STDP (Vogels 2011) on one-to-one weights")
            .build();

    public One2OneiSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        vectorWeights(syn);
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = vectorWeights(syn);
        Vec xPre = inputs.preTrace();
        Vec xPost = inputs.postTrace();
        for (int i = 0, n = w.length(); i < n; i++) {
            boolean sPre = inputs.preSpike(i);
            boolean sPost = inputs.postSpike(i);
            if (sPre || sPost) {
                w.set(i, w.get(i) + dw(xPre.get(i), sPre, xPost.get(i), sPost));
            }
        }
    }
}
