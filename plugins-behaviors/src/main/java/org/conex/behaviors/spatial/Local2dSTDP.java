package org.conex.behaviors.spatial;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;
import org.conex.behaviors.learning.LearningInputs;
import org.conex.behaviors.learning.StdpParams;
import org.conex.behaviors.learning.StdpRule;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * STDP for locally connected weights {@code W[C_out, L, K]} (priority 500): the pair-based STDP of
 * every (receptive-field element, output neuron) pair, with no averaging ({@code U} = unfolded pre
 * spikes / pre trace, {@code s}/{@code x} = spikes/traces, output neuron {@code o*L + l}):
 *
 * <pre>
 * dW[o,l,k] = (s_post[o,l] * U_x[k,l] * B+(W)) * a_plus - (x_post[o,l] * U_s[k,l] * B-(W)) * a_minus
 * W := W + dW
 * </pre>
 *
 * <p><b>Fixed reference bug (BUG-11).</b> CoNeX 0.1.5 takes the potentiation factor from
 * {@code pre_spike} reshaped as if it were {@code post_spike}: it crashes unless
 * {@code N_src == N_dst} and otherwise potentiates on presynaptic spikes. This rule uses
 * {@code post_spike}, as intended; the two agree whenever the source and destination spike trains
 * are identical (the golden cases are built that way).
 *
 * <p>Event-driven: only weights of postsynaptic neurons that spiked (all of their receptive
 * field) and weights of presynaptic neurons that spiked (depression) change; each is updated with
 * the reference's per-element expression. Parameters: those of {@link StdpParams}. Requires a
 * Local2dDendriticInput (stride, padding), WeightInitializer's kernel_shape, PreSpikeCatcher,
 * PostSpikeCatcher, PreTrace and PostTrace on the same synapse.
 */
public final class Local2dSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("Local2dSTDP", Local2dSTDP::new)
            .params(StdpParams.specs())
            .description("STDP for locally connected (unshared) 2-D weights")
            .build();

    private SpatialLearningSetup setup;
    private int[] patchSources;
    private int[][] rowTaps;
    private int[][] colTaps;
    private INDArray checkedWeights;

    public Local2dSTDP(Params params) {
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
        rowTaps = setup.geometry().rowTaps();
        colTaps = setup.geometry().colTaps();
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
        potentiateSpikingOutputs(w);
        depressSilentOutputs(w);
    }

    /** Every weight of an output neuron that spiked: both terms. */
    private void potentiateSpikingOutputs(Vec w) {
        LearningInputs in = inputs;
        Vec xPre = in.preTrace();
        Vec xPost = in.postTrace();
        int l = setup.geometry().locations();
        int kSize = setup.geometry().patchSize();
        for (int q = 0, n = in.postCount(); q < n; q++) {
            int post = in.postIndex(q);
            int loc = post % l;
            double xp = xPost.get(post);
            for (int k = 0; k < kSize; k++) {
                int s = patchSources[loc * kSize + k];
                if (s < 0) {
                    continue;
                }
                int e = post * kSize + k;
                double we = w.get(e);
                w.set(e, we + SpatialStdp.increment(stdp, we, xPre.get(s), in.preSpike(s) ? xp : 0));
            }
        }
    }

    /** The weights a presynaptic spike occupies, for output neurons that did not spike: depression only. */
    private void depressSilentOutputs(Vec w) {
        LearningInputs in = inputs;
        Vec xPost = in.postTrace();
        ConvGeometry g = setup.geometry();
        int hw = g.height() * g.width();
        int l = g.locations();
        int kSize = g.patchSize();
        int outW = g.outWidth();
        for (int q = 0, n = in.preCount(); q < n; q++) {
            int idx = in.preIndex(q);
            int c = idx / hw;
            int rem = idx - c * hw;
            int[] rt = rowTaps[rem / g.width()];
            int[] ct = colTaps[rem % g.width()];
            for (int a = 0; a < rt.length; a += 2) {
                int kRow = (c * g.kernelH() + rt[a]) * g.kernelW();
                int lRow = rt[a + 1] * outW;
                for (int b = 0; b < ct.length; b += 2) {
                    int k = kRow + ct[b];
                    int loc = lRow + ct[b + 1];
                    for (int o = 0; o < setup.outChannels(); o++) {
                        int post = o * l + loc;
                        double xp = xPost.get(post);
                        if (in.postSpike(post) || xp == 0) {
                            continue;
                        }
                        int e = post * kSize + k;
                        double we = w.get(e);
                        w.set(e, we + SpatialStdp.increment(stdp, we, 0, xp));
                    }
                }
            }
        }
    }
}
