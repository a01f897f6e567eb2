package org.conex.behaviors.spatial;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Vec;
import org.conex.behaviors.learning.StdpParams;
import org.conex.behaviors.learning.StdpRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * STDP for shared convolution kernels {@code W[C_out, C_in, kh, kw]} (priority 500): the pair-based
 * STDP of every (presynaptic, postsynaptic) pair that shares a weight, summed over the output
 * locations and averaged over them:
 *
 * <pre>
 * dW = ((plus * B+(W)) * a_plus - (minus * B-(W)) * a_minus) / (H_out * W_out)
 * W := W + dW
 * </pre>
 *
 * with {@code minus[o,k] = sum_l U_s[k,l] * post_trace[o,l]} and
 * {@code plus[o,k] = sum_l U_x[k,l] * post_spike[o,l]} ({@link ConvStdpSums}; {@code U} is the
 * unfolded pre spikes / pre trace) and {@code B+}/{@code B-} the bounds of the pre-update weights.
 * No dt. Parameters: those of {@link StdpParams}. Requires a Conv2dDendriticInput (stride and
 * padding), PreSpikeCatcher, PostSpikeCatcher, PreTrace and PostTrace on the same synapse.
 *
 * <p>Spec Appendix B.9: input {@code [[1,0,1],[0,1,0],[1,0,0]]}, pre trace 0.9 x input, 2x2 kernel,
 * post trace {@code [[0.5,0],[0,0.25]]}, post spike {@code [[1,0],[0,0]]}, unit amplitudes:
 * {@code dW = [[0.0375,0],[0,0.1]]}.
 */
public final class Conv2dSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("Conv2dSTDP", Conv2dSTDP::new)
            .params(StdpParams.specs())
            .description("STDP for shared convolution kernels, averaged over output positions")
            .build();

    private SpatialLearningSetup setup;
    private ConvStdpSums sums;
    private INDArray checkedWeights;

    public Conv2dSTDP(Params params) {
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
    }

    /** The sums kernel (to force a {@link KernelPath} in tests and benchmarks). */
    public ConvStdpSums sums() {
        return sums;
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = weights(syn);
        DType t = stdp.dtype();
        sums.compute(inputs, t);
        double[] plus = sums.plus();
        double[] minus = sums.minus();
        double divisor = setup.locationsPerChannel();
        for (int i = 0; i < plus.length; i++) {
            double wi = w.get(i);
            double dw = t.round(SpatialStdp.increment(stdp, wi, plus[i], minus[i]) / divisor);
            w.set(i, wi + dw);
        }
    }

    private Vec weights(SynapseGroup syn) {
        INDArray a = syn.array("weights");
        if (a != checkedWeights) {
            try {
                setup.checkWeights(a);
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage());
            }
            checkedWeights = a;
        }
        return syn.vec("weights");
    }
}
