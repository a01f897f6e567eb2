package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * STDP on one-to-one weights {@code W [N]} (source i to destination i), priority 500:
 * {@code dW[i] = a_plus * x_pre[i] * s_post[i] * B+(W[i]) - a_minus * s_pre[i] * x_post[i] * B-(W[i])}.
 * Parameters and bounds as {@link SimpleSTDP} ({@link StdpParams}); entries whose pair did not
 * spike are left untouched. Requires {@code N_src == N_dst} and 1-D weights.
 */
public final class One2OneSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("One2OneSTDP", One2OneSTDP::new)
            .params(StdpParams.specs())
            .description("pair-based STDP on one-to-one weights")
            .build();

    public One2OneSTDP(Params params) {
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
                double wi = w.get(i);
                w.set(i, wi + stdp.dw(wi, xPre.get(i), sPre, xPost.get(i), sPost));
            }
        }
    }
}
