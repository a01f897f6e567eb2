package org.conex.behaviors.spatial;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;
import org.conex.behaviors.learning.LearningInputs;
import org.conex.behaviors.learning.RstdpRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reward-modulated STDP for locally connected weights {@code W[C_out, L, K]} (priority 500): the
 * {@link Local2dSTDP} increment (with the BUG-11 fix: potentiation on {@code post_spike}) feeds an
 * eligibility trace {@code c} shaped like the weights:
 *
 * <pre>
 * c := c + (-c / tau_c + dW_local_stdp)
 * W := W + c * dopamine_concentration
 * </pre>
 *
 * One dense pass per step (the eligibility decays everywhere). No dt. Parameters: the STDP
 * parameters plus {@code tau_c} (required) and {@code init_c_mode} (see {@link RstdpRule}).
 * Requires what Local2dSTDP requires plus a Dopamine behavior on the network.
 */
public final class Local2dRSTDP extends RstdpRule {
    public static final BehaviorType TYPE = typeBuilder("Local2dRSTDP", Local2dRSTDP::new)
            .params(specs())
            .description("reward-modulated STDP for locally connected (unshared) 2-D weights")
            .build();

    private SpatialLearningSetup setup;
    private int[] patchSources;
    private INDArray checkedWeights;

    public Local2dRSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        try {
            setup = SpatialLearningSetup.local(syn);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        patchSources = setup.geometry().patchSources();
        long[] shape = setup.weightShape();
        createEligibility(syn, (int) (shape[0] * shape[1] * shape[2]), shape);
    }

    @Override
    public void forward(SynapseGroup syn) {
        LearningInputs in = inputs;
        in.update(syn);
        INDArray a = syn.array("weights");
        if (a != checkedWeights) {
            try {
                setup.checkWeights(a);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            checkedWeights = a;
        }
        Vec w = syn.vec("weights");
        Vec c = syn.vec("c");
        Vec xPre = in.preTrace();
        Vec xPost = in.postTrace();
        double d = dopamine(syn.network());
        int l = setup.geometry().locations();
        int kSize = setup.geometry().patchSize();
        for (int post = 0, n = setup.outChannels() * l; post < n; post++) {
            int loc = post % l;
            boolean sPost = in.postSpike(post);
            double xp = xPost.get(post);
            for (int k = 0, e = post * kSize; k < kSize; k++, e++) {
                int s = patchSources[loc * kSize + k];
                double plus = sPost && s >= 0 ? xPre.get(s) : 0;
                double minus = s >= 0 && in.preSpike(s) ? xp : 0;
                double we = w.get(e);
                double dw = plus == 0 && minus == 0 ? 0 : SpatialStdp.increment(stdp, we, plus, minus);
                double ce = eligibility(c.get(e), dw);
                c.set(e, ce);
                w.set(e, we + dtype.round(ce * d));
            }
        }
    }
}
