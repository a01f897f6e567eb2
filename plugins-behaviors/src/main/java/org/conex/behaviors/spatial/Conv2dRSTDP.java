package org.conex.behaviors.spatial;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;
import org.conex.behaviors.learning.RstdpRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Reward-modulated STDP for shared convolution kernels (priority 500): the {@link Conv2dSTDP}
 * increment (including the {@code 1 / (H_out*W_out)} averaging) feeds an eligibility trace
 * {@code c} shaped like the kernels, and the kernels move with the dopamine concentration:
 *
 * <pre>
 * c := c + (-c / tau_c + dW_conv_stdp)
 * W := W + c * dopamine_concentration
 * </pre>
 *
 * No dt. Parameters: the STDP parameters plus {@code tau_c} (required) and {@code init_c_mode}
 * (see {@link RstdpRule}). Requires what Conv2dSTDP requires plus a Dopamine behavior on the network.
 */
public final class Conv2dRSTDP extends RstdpRule {
    public static final BehaviorType TYPE = typeBuilder("Conv2dRSTDP", Conv2dRSTDP::new)
            .params(specs())
            .description("reward-modulated STDP for shared convolution kernels")
            .build();

    private SpatialLearningSetup setup;
    private ConvStdpSums sums;
    private INDArray checkedWeights;

    public Conv2dRSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        try {
            setup = SpatialLearningSetup.conv(syn);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        sums = new ConvStdpSums(setup.geometry(), setup.outChannels());
        long[] shape = setup.weightShape();
        createEligibility(syn, (int) (shape[0] * shape[1] * shape[2] * shape[3]), shape);
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
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
        sums.compute(inputs, dtype);
        double[] plus = sums.plus();
        double[] minus = sums.minus();
        double divisor = setup.locationsPerChannel();
        double d = dopamine(syn.network());
        for (int i = 0; i < plus.length; i++) {
            double wi = w.get(i);
            double dw = dtype.round(SpatialStdp.increment(stdp, wi, plus[i], minus[i]) / divisor);
            double ci = eligibility(c.get(i), dw);
            c.set(i, ci);
            w.set(i, wi + dtype.round(ci * d));
        }
    }
}
