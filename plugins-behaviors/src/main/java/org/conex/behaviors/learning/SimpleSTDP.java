package org.conex.behaviors.learning;

import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.Vec;

/**
 * STDP on dense weights {@code W [N_src, N_dst]} (SxD), priority 500:
 * <pre>
 * dW[i,j] = a_plus * x_pre[i] * s_post[j] * B+(W[i,j]) - a_minus * s_pre[i] * x_post[j] * B-(W[i,j])
 * W := W + dW
 * </pre>
 * with {@code s} the caught spikes (0/1), {@code x} the traces and {@code B+}/{@code B-} the
 * {@link StdpBound bounds} of the pre-update weights (see {@link StdpParams} for the parameters).
 * No dt. A post spike potentiates in proportion to the pre trace; a pre spike depresses in
 * proportion to the post trace.
 *
 * <p>Event-driven: {@code dW} is non-zero only in the rows of spiking sources and the columns of
 * spiking destinations, so only those entries are touched, each with exactly the reference's
 * per-element float expression ({@link StdpParams#dw}); the result equals the dense computation.
 * Cost per step: {@code O(N_src + n_pre * N_dst + N_src * n_post)}.
 *
 * <p>Requires PreSpikeCatcher, PostSpikeCatcher, PreTrace and PostTrace on the same synapse.
 */
public final class SimpleSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("SimpleSTDP", SimpleSTDP::new)
            .params(StdpParams.specs())
            .description("pair-based STDP on dense weights (event-driven)")
            .build();

    public SimpleSTDP(Params params) {
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
        LearningInputs in = inputs;
        Vec xPre = in.preTrace();
        Vec xPost = in.postTrace();
        int nPost = in.postCount();
        if (nPost == 0) {
            for (int k = 0, n = in.preCount(); k < n; k++) {
                updateRow(w, in.preIndex(k), nDst, xPre, xPost);
            }
            return;
        }
        for (int i = 0; i < nSrc; i++) {
            if (in.preSpike(i)) {
                updateRow(w, i, nDst, xPre, xPost);
                continue;
            }
            double xi = xPre.get(i);
            int row = i * nDst;
            for (int k = 0; k < nPost; k++) {
                int j = in.postIndex(k);
                double wij = w.get(row + j);
                w.set(row + j, wij + stdp.dw(wij, xi, false, xPost.get(j), true));
            }
        }
    }

    /** Every entry of row i (source i spiked). */
    private void updateRow(Vec w, int i, int nDst, Vec xPre, Vec xPost) {
        double xi = xPre.get(i);
        int row = i * nDst;
        for (int j = 0; j < nDst; j++) {
            double wij = w.get(row + j);
            w.set(row + j, wij + stdp.dw(wij, xi, true, xPost.get(j), inputs.postSpike(j)));
        }
    }
}
