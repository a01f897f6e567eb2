package org.conex.behaviors.spatial;

import java.util.Arrays;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Vec;
import org.conex.behaviors.learning.LearningInputs;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The two sums of Conv2dSTDP for shared kernels {@code [C_out, C_in, kh, kw]}, summed over the
 * {@code L} output locations that share each weight (spec behaviors.md 4.10), with
 * {@code U_s = unfold(pre_spike)} and {@code U_x = unfold(pre_trace)}:
 *
 * <pre>
 * minus[o, k] = sum_l U_s[k, l] * post_trace[o*L + l]   (depression: pre spike x post trace)
 * plus[o, k]  = sum_l U_x[k, l] * post_spike[o*L + l]   (potentiation: pre trace x post spike)
 * </pre>
 *
 * flat {@code o*K + k}, each rounded once to the dtype. Event-driven by default: {@code minus}
 * visits the kernel footprint of each presynaptic spike, {@code plus} reads one pre-trace patch per
 * postsynaptic spike. When many neurons spike on a large map, the GEMM path (FLOAT only)
 * computes {@code post_trace[C_out, L] @ U_s^T} and {@code post_spike[C_out, L] @ U_x^T} with ND4J's
 * BLAS instead (one BLAS thread, {@link PinnedGemm}, so the bits do not depend on the thread count);
 * {@link KernelPath#AUTO} decides each sum per step with {@link KernelCost}.
 */
public final class ConvStdpSums {
    private final ConvGeometry g;
    private final int outChannels;
    private final int[][] rowTaps;
    private final int[][] colTaps;
    private final double[] minus;
    private final double[] plus;
    private KernelPath path = KernelPath.AUTO;
    private Gemm gemm;

    /**
     * @param g           the window geometry over the source map
     * @param outChannels C_out (the destination depth)
     */
    public ConvStdpSums(ConvGeometry g, int outChannels) {
        this.g = g;
        this.outChannels = outChannels;
        this.rowTaps = g.rowTaps();
        this.colTaps = g.colTaps();
        this.minus = new double[outChannels * g.patchSize()];
        this.plus = new double[outChannels * g.patchSize()];
    }

    /** Forces a path (tests, benchmarks); the default is {@link KernelPath#AUTO}. */
    public ConvStdpSums path(KernelPath p) {
        this.path = p;
        return this;
    }

    /** Depression sums {@code [C_out * K]} of the last {@link #compute}. */
    public double[] minus() {
        return minus;
    }

    /** Potentiation sums {@code [C_out * K]} of the last {@link #compute}. */
    public double[] plus() {
        return plus;
    }

    /**
     * Computes both sums for this step from the synapse's spikes and traces.
     *
     * @param in    the rule's inputs, already {@link LearningInputs#update updated}
     * @param dtype the network dtype (the sums are rounded to it)
     */
    public void compute(LearningInputs in, DType dtype) {
        double unfold = (double) g.patchSize() * g.locations();
        double macs = unfold * outChannels;
        boolean floats = in.preTrace().dtype() == DType.FLOAT32 && in.postTrace().dtype() == DType.FLOAT32;
        double kk = (double) g.kernelH() * g.kernelW() / ((double) g.strideH() * g.strideW());
        if (floats && KernelCost.useGemm(path, in.preCount() * outChannels * kk, unfold, macs)) {
            gemm().minus(in, minus);
        } else {
            eventMinus(in);
        }
        if (floats && KernelCost.useGemm(path, (double) in.postCount() * g.patchSize(), unfold, macs)) {
            gemm().plus(in, plus);
        } else {
            eventPlus(in);
        }
        for (int i = 0; i < minus.length; i++) {
            minus[i] = dtype.round(minus[i]);
            plus[i] = dtype.round(plus[i]);
        }
    }

    private Gemm gemm() {
        if (gemm == null) {
            gemm = new Gemm();
        }
        return gemm;
    }

    /** For each pre spike, each (k, l) it occupies adds post_trace[o, l] to minus[o, k]. */
    private void eventMinus(LearningInputs in) {
        Arrays.fill(minus, 0);
        Vec xPost = in.postTrace();
        int hw = g.height() * g.width();
        int width = g.width();
        int outW = g.outWidth();
        int l = g.locations();
        int kSize = g.patchSize();
        int kh = g.kernelH();
        int kw = g.kernelW();
        for (int q = 0, n = in.preCount(); q < n; q++) {
            int idx = in.preIndex(q);
            int c = idx / hw;
            int rem = idx - c * hw;
            int[] rt = rowTaps[rem / width];
            int[] ct = colTaps[rem % width];
            for (int a = 0; a < rt.length; a += 2) {
                int kRow = (c * kh + rt[a]) * kw;
                int lRow = rt[a + 1] * outW;
                for (int b = 0; b < ct.length; b += 2) {
                    int k = kRow + ct[b];
                    int loc = lRow + ct[b + 1];
                    for (int o = 0; o < outChannels; o++) {
                        minus[o * kSize + k] += xPost.get(o * l + loc);
                    }
                }
            }
        }
    }

    /** For each post spike (o, l), the pre-trace patch of location l is added to plus[o, :]. */
    private void eventPlus(LearningInputs in) {
        Arrays.fill(plus, 0);
        Vec xPre = in.preTrace();
        int l = g.locations();
        int outW = g.outWidth();
        int kSize = g.patchSize();
        for (int q = 0, n = in.postCount(); q < n; q++) {
            int idx = in.postIndex(q);
            int o = idx / l;
            int loc = idx - o * l;
            int y0 = (loc / outW) * g.strideH() - g.padH();
            int x0 = (loc % outW) * g.strideW() - g.padW();
            int base = o * kSize;
            for (int c = 0, k = 0; c < g.channels(); c++) {
                for (int i = 0; i < g.kernelH(); i++) {
                    int iy = y0 + i;
                    boolean rowInside = iy >= 0 && iy < g.height();
                    int src = (c * g.height() + iy) * g.width();
                    for (int j = 0; j < g.kernelW(); j++, k++) {
                        int ix = x0 + j;
                        if (rowInside && ix >= 0 && ix < g.width()) {
                            plus[base + k] += xPre.get(src + ix);
                        }
                    }
                }
            }
        }
    }

    /** Buffers of the GEMM path (float32), allocated on first use. */
    private final class Gemm {
        private final byte[] spikeBytes = new byte[g.inputSize()];
        private final float[] trace = new float[g.inputSize()];
        private final float[] unfoldedData = new float[g.patchSize() * g.locations()];
        private final float[] postSpikeData = new float[outChannels * g.locations()];
        private final FloatScratch unfolded = new FloatScratch(g.patchSize(), g.locations());
        private final FloatScratch postSpikes = new FloatScratch(outChannels, g.locations());
        private final FloatScratch result = new FloatScratch(outChannels, g.patchSize());
        private INDArray postTraceSeen;
        private INDArray postTrace2d;

        /** minus = post_trace[C_out, L] @ unfold(pre_spike)^T. */
        void minus(LearningInputs in, double[] out) {
            Arrays.fill(spikeBytes, (byte) 0);
            for (int q = 0, n = in.preCount(); q < n; q++) {
                spikeBytes[in.preIndex(q)] = 1;
            }
            Unfold.spikes(g, spikeBytes, unfoldedData);
            unfolded.put(unfoldedData);
            INDArray post = in.postTrace().array();
            if (post != postTraceSeen) {
                postTraceSeen = post;
                postTrace2d = post.reshape('c', outChannels, g.locations());
            }
            PinnedGemm.gemm(postTrace2d, unfolded.array, result.array, false, true);
            result.get(out);
        }

        /** plus = post_spike[C_out, L] @ unfold(pre_trace)^T. */
        void plus(LearningInputs in, double[] out) {
            ((Vec.F32) in.preTrace()).buffer().get(0, trace);
            Unfold.values(g, trace, unfoldedData);
            unfolded.put(unfoldedData);
            Arrays.fill(postSpikeData, 0f);
            for (int q = 0, n = in.postCount(); q < n; q++) {
                postSpikeData[in.postIndex(q)] = 1f;
            }
            postSpikes.put(postSpikeData);
            PinnedGemm.gemm(postSpikes.array, unfolded.array, result.array, false, true);
            result.get(out);
        }
    }
}
