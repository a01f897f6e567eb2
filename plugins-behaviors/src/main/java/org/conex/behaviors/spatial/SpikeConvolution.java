package org.conex.behaviors.spatial;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * 2-D cross-correlation of a bool spike volume {@code S[C_in, H, W]} with shared weights
 * {@code W[C_out, C_in, kh, kw]} (torch {@code conv2d} with zero padding):
 * {@code out[o, oy, ox] = sum_{c,i,j} W[o,c,i,j] * S_pad[c, oy*sh + i, ox*sw + j]}, flattened
 * channel-major ({@code o*L + oy*W_out + ox}).
 *
 * <p>Two paths ({@link KernelPath}). The event-driven scatter adds, for every spiking input, its
 * kernel footprint to the outputs that see it ({@code spikes x C_out x kh x kw / (sh sw)}
 * additions, accumulated in double, position-major so the inner loop over output channels is
 * contiguous). The GEMM path (FLOAT weights only) unfolds the spikes to {@code U[K, L]} and
 * computes {@code W[C_out, K] @ U} with ND4J's BLAS in float32. {@link KernelPath#AUTO} chooses
 * per step from the spike count with {@link KernelCost}. The two differ only in float summation
 * order. All buffers are allocated once (the GEMM ones on first use). The GEMM runs with one BLAS
 * thread ({@link PinnedGemm}), so both paths give the same bits for every thread count.
 */
public final class SpikeConvolution {
    private final ConvGeometry g;
    private final int outChannels;
    private final int[][] rowTaps;
    private final int[][] colTaps;
    private final byte[] spikeBytes;
    private final SpikeIndex spikes;
    private final double[] sums;
    private final double[] acc;
    private final double[] wt;
    private KernelPath path = KernelPath.AUTO;
    private float[] unfoldedData;
    private FloatScratch unfolded;
    private FloatScratch product;
    private INDArray weightsSeen;
    private INDArray weights2d;
    private boolean lastGemm;

    /**
     * @param g           the window geometry over the input
     * @param outChannels C_out
     */
    public SpikeConvolution(ConvGeometry g, int outChannels) {
        this.g = g;
        this.outChannels = outChannels;
        this.rowTaps = g.rowTaps();
        this.colTaps = g.colTaps();
        this.spikeBytes = new byte[g.inputSize()];
        this.spikes = new SpikeIndex(g.inputSize());
        this.sums = new double[outChannels * g.locations()];
        this.acc = new double[outChannels * g.locations()];
        this.wt = new double[outChannels * g.patchSize()];
    }

    /** Forces a path (tests, benchmarks); the default is {@link KernelPath#AUTO}. */
    public SpikeConvolution path(KernelPath p) {
        this.path = p;
        return this;
    }

    /** True if the last {@link #compute} used the GEMM path. */
    public boolean lastUsedGemm() {
        return lastGemm;
    }

    /**
     * Computes the sums for one step.
     *
     * @param s       bool spikes, {@code C_in*H*W} bytes (non-zero = spike)
     * @param weights view of the contiguous {@code [C_out, C_in, kh, kw]} FLOAT or DOUBLE weights
     * @return the sums {@code [C_out * L]}, channel-major (owned by this kernel, overwritten by the
     *         next call)
     */
    public double[] compute(ByteBuffer s, Vec weights) {
        s.get(0, spikeBytes);
        int n = spikes.collect(spikeBytes);
        double scatter = (double) n * outChannels * g.kernelH() * g.kernelW() / ((double) g.strideH() * g.strideW());
        double unfold = (double) g.patchSize() * g.locations();
        lastGemm = weights instanceof Vec.F32 && KernelCost.useGemm(path, scatter, unfold, unfold * outChannels);
        if (lastGemm) {
            gemm(weights.array());
        } else {
            scatter(weights);
        }
        return sums;
    }

    private void scatter(Vec weights) {
        int oc = outChannels;
        int kSize = g.patchSize();
        transposeWeights(weights, kSize);
        Arrays.fill(acc, 0);
        int hw = g.height() * g.width();
        int width = g.width();
        int outW = g.outWidth();
        int kh = g.kernelH();
        int kw = g.kernelW();
        for (int q = 0, n = spikes.count(); q < n; q++) {
            int idx = spikes.get(q);
            int c = idx / hw;
            int rem = idx - c * hw;
            int[] rt = rowTaps[rem / width];
            int[] ct = colTaps[rem % width];
            for (int a = 0; a < rt.length; a += 2) {
                int kRow = (c * kh + rt[a]) * kw;
                int lRow = rt[a + 1] * outW;
                for (int b = 0; b < ct.length; b += 2) {
                    int wBase = (kRow + ct[b]) * oc;
                    int aBase = (lRow + ct[b + 1]) * oc;
                    for (int o = 0; o < oc; o++) {
                        acc[aBase + o] += wt[wBase + o];
                    }
                }
            }
        }
        int l = g.locations();
        for (int o = 0; o < oc; o++) {
            for (int p = 0; p < l; p++) {
                sums[o * l + p] = acc[p * oc + o];
            }
        }
    }

    /** wt[k*C_out + o] = W[o, k]. */
    private void transposeWeights(Vec weights, int kSize) {
        int oc = outChannels;
        if (weights instanceof Vec.F32) {
            FloatBuffer f = ((Vec.F32) weights).buffer();
            for (int o = 0; o < oc; o++) {
                for (int k = 0; k < kSize; k++) {
                    wt[k * oc + o] = f.get(o * kSize + k);
                }
            }
        } else {
            for (int o = 0; o < oc; o++) {
                for (int k = 0; k < kSize; k++) {
                    wt[k * oc + o] = weights.get(o * kSize + k);
                }
            }
        }
    }

    private void gemm(INDArray weights) {
        if (unfolded == null) {
            unfoldedData = new float[g.patchSize() * g.locations()];
            unfolded = new FloatScratch(g.patchSize(), g.locations());
            product = new FloatScratch(outChannels, g.locations());
        }
        if (weights != weightsSeen) {
            weightsSeen = weights;
            weights2d = weights.reshape('c', outChannels, g.patchSize());
        }
        Unfold.spikes(g, spikeBytes, unfoldedData);
        unfolded.put(unfoldedData);
        PinnedGemm.gemm(weights2d, unfolded.array, product.array, false, false);
        product.get(sums);
    }
}
