package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * Reward-modulated STDP on one-to-one weights {@code [N]}, priority 500: the {@link One2OneSTDP}
 * increment feeds the eligibility {@code c [N]} and the weights move by {@code c * dopamine} (see
 * {@link RstdpRule}). One fused pass per step.
 */
public final class One2OneRSTDP extends RstdpRule {
    public static final BehaviorType TYPE = typeBuilder("One2OneRSTDP", One2OneRSTDP::new)
            .params(specs())
            .description("reward-modulated STDP on one-to-one weights")
            .build();

    public One2OneRSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        Vec w = vectorWeights(syn);
        createEligibility(syn, w.length(), w.length());
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = vectorWeights(syn);
        Vec c = eligibilityView(syn, w.length());
        double[] d = dopaminePerDestination(syn);
        Vec xPre = inputs.preTrace();
        Vec xPost = inputs.postTrace();
        for (int i = 0, n = w.length(); i < n; i++) {
            double wi = w.get(i);
            boolean sPre = inputs.preSpike(i);
            boolean sPost = inputs.postSpike(i);
            double dw = sPre || sPost ? stdp.dw(wi, xPre.get(i), sPre, xPost.get(i), sPost) : 0.0;
            double ci = eligibility(c.get(i), dw);
            c.set(i, ci);
            w.set(i, wi + dtype.round(ci * d[i]));
        }
    }
}
