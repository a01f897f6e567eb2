package org.conex.behaviors.learning;

import java.nio.FloatBuffer;
import org.conex.api.behavior.BehaviorType;
import org.conex.api.behavior.Params;
import org.conex.api.behavior.WeightAccess;
import org.conex.api.model.SynapseGroup;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.KernelThreads;
import org.conex.api.tensor.Kernels;
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
 * per-element float expression ({@link StdpParams#dw}; float32 networks use the equivalent plain
 * float kernels of {@link FloatStdp}); the result equals the dense computation. Cost per step:
 * {@code O(N_src + n_pre * N_dst + N_src * n_post)}. The touched rows and columns are marked on
 * the synapse's {@link SynapseGroup#weightChanges() weight changes}, so WeightClip visits only them;
 * when the WeightClip that follows offers its bounds, the written values are clamped here and the
 * clip skips them (same result, one pass over the changed weights instead of two).
 *
 * <p>Requires PreSpikeCatcher, PostSpikeCatcher, PreTrace and PostTrace on the same synapse.
 */
public final class SimpleSTDP extends StdpRule {
    public static final BehaviorType TYPE = typeBuilder("SimpleSTDP", SimpleSTDP::new)
            .params(StdpParams.specs())
            .weightAccess(WeightAccess.REPORTED)
            .description("pair-based STDP on dense weights (event-driven)")
            .build();

    private final ReportedWrites writes = new ReportedWrites();
    private FloatStdp f32;
    /** Bounds offered by a following WeightClip for this step (infinite: none). */
    private double lo;
    private double hi;

    public SimpleSTDP(Params params) {
        super(params);
    }

    @Override
    public void initialize(SynapseGroup syn) {
        super.initialize(syn);
        denseWeights(syn);
        f32 = syn.network().dtype() == DType.FLOAT32 ? new FloatStdp(stdp) : null;
    }

    @Override
    public void forward(SynapseGroup syn) {
        inputs.update(syn);
        Vec w = denseWeights(syn);
        LearningInputs in = inputs;
        writes.begin(syn);
        lo = writes.lower();
        hi = writes.upper();
        for (int k = 0, n = in.preCount(); k < n; k++) {
            writes.row(in.preIndex(k));
        }
        for (int k = 0, n = in.postCount(); k < n; k++) {
            writes.column(in.postIndex(k));
        }
        if (f32 != null && w instanceof Vec.F32 && in.preTrace() instanceof Vec.F32
                && in.postTrace() instanceof Vec.F32) {
            forwardF32(((Vec.F32) w).buffer(), syn.src().size(), syn.dst().size(), syn.network().kernelThreads());
            return;
        }
        int nSrc = syn.src().size();
        int nDst = syn.dst().size();
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
                w.set(row + j, Kernels.clamp(w.round(wij + stdp.dw(wij, xi, false, xPost.get(j), true)), lo, hi));
            }
        }
    }

    /** Float32 path, same entries and values as the generic one. */
    private void forwardF32(FloatBuffer w, int nSrc, int nDst, KernelThreads threads) {
        LearningInputs in = inputs;
        FloatBuffer xPre = ((Vec.F32) in.preTrace()).buffer();
        FloatBuffer xPost = ((Vec.F32) in.postTrace()).buffer();
        boolean[] post = in.postFlags();
        int nPost = in.postCount();
        f32.newStep();
        f32.postList(in.postIndices(), nPost);
        if (nPost == 0) {
            for (int k = 0, n = in.preCount(); k < n; k++) {
                int i = in.preIndex(k);
                f32.spikingSourceRow(w, i * nDst, nDst, xPre.get(i), xPost, post, (float) lo, (float) hi);
            }
            return;
        }
        int[] pre = in.preIndices();
        int nPre = in.preCount();
        for (int k = 0; k < nPre; k++) {
            int i = pre[k];
            f32.spikingSourceRow(w, i * nDst, nDst, xPre.get(i), xPost, post, (float) lo, (float) hi);
        }
        // after the spiking rows: the walk leaves their clamped entries as they are
        f32.otherSourceRows(w, nDst, nSrc, pre, nPre, xPre, in.postIndices(), nPost, (float) lo, (float) hi, threads);
    }

    /** Every entry of row i (source i spiked). */
    private void updateRow(Vec w, int i, int nDst, Vec xPre, Vec xPost) {
        double xi = xPre.get(i);
        int row = i * nDst;
        for (int j = 0; j < nDst; j++) {
            double wij = w.get(row + j);
            double x = w.round(wij + stdp.dw(wij, xi, true, xPost.get(j), inputs.postSpike(j)));
            w.set(row + j, Kernels.clamp(x, lo, hi));
        }
    }
}
