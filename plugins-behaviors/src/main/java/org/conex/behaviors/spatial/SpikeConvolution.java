package org.conex.behaviors.spatial;

import java.nio.ByteBuffer;
import org.conex.api.tensor.DType;
import org.conex.api.tensor.Tensors;
import org.conex.api.tensor.Vec;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * 2-D cross-correlation of a bool spike volume {@code S[C_in, H, W]} with shared weights
 * {@code W[C_out, C_in, kh, kw]} (torch {@code conv2d} with zero padding):
 * {@code out[o, oy, ox] = sum_{c,i,j} W[o,c,i,j] * S_pad[c, oy*sh + i, ox*sw + j]}, flattened
 * channel-major ({@code o*L + oy*W_out + ox}).
 *
 * <p>Two paths ({@link KernelPath}): the event-driven scatter adds, for every spiking input, its
 * kernel footprint to the outputs that see it ({@code spikes x C_out x kh x kw / (sh sw)}
 * additions); the GEMM path unfolds the spikes to {@code U[K, L]} and computes
 * {@code W[C_out, K] @ U} with ND4J's BLAS. {@link KernelPath#AUTO} chooses per step from the
 * spike count with {@link KernelCost}. Buffers are allocated once; the unfold buffer only when
 * the GEMM path is first used.
 */
public final class SpikeConvolution {
    private final ConvGeometry g;
    private final int outChannels;
    private final DType dtype;
    private final int[][] rowTaps;
    private final int[][] colTaps;
    private final SpikeIndex spikes;
    private final INDArray sums;
    private final Vec sumsVec;
    private KernelPath path = KernelPath.AUTO;
    private INDArray unfolded;
    private Vec unfoldedVec;
    private INDArray sums2d;
    private INDArray weightsSeen;
    private INDArray weights2d;
    private boolean lastGemm;

    /**
     * @param g           the window geometry over the input
     * @param outChannels C_out
     * @param dtype       element type of the weights and sums
     */
    public SpikeConvolution(ConvGeometry g, int outChannels, DType dtype) {
        this.g = g;
        this.outChannels = outChannels;
        this.dtype = dtype;
        this.rowTaps = g.rowTaps();
        this.colTaps = g.colTaps();
        this.spikes = new SpikeIndex(g.inputSize());
        this.sums = Tensors.zeros(dtype.nd4j(), (long) outChannels * g.locations());
        this.sumsVec = Vec.of(sums);
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
     * @param weights contiguous {@code [C_out, C_in, kh, kw]} array of this kernel's dtype
     * @return the sums {@code [C_out * L]} (a buffer owned by this kernel, overwritten next call)
     */
    public Vec compute(ByteBuffer s, INDArray weights) {
        int n = spikes.collect(s);
        int kk = g.kernelH() * g.kernelW();
        double scatter = (double) n * outChannels * kk / ((double) g.strideH() * g.strideW());
        double unfold = (double) g.patchSize() * g.locations();
        lastGemm = KernelCost.useGemm(path, scatter, unfold, unfold * outChannels);
        if (lastGemm) {
            gemm(s, weights);
        } else {
            scatter(Vec.of(weights));
        }
        return sumsVec;
    }

    private void scatter(Vec w) {
        sumsVec.fill(0);
        int hw = g.height() * g.width();
        int width = g.width();
        int outW = g.outWidth();
        int l = g.locations();
        int kh = g.kernelH();
        int kw = g.kernelW();
        int cin = g.channels();
        for (int q = 0, n = spikes.count(); q < n; q++) {
            int idx = spikes.get(q);
            int c = idx / hw;
            int rem = idx - c * hw;
            int[] rt = rowTaps[rem / width];
            int[] ct = colTaps[rem % width];
            for (int o = 0; o < outChannels; o++) {
                int wBase = (o * cin + c) * kh * kw;
                int oBase = o * l;
                for (int a = 0; a < rt.length; a += 2) {
                    int wRow = wBase + rt[a] * kw;
                    int oRow = oBase + rt[a + 1] * outW;
                    for (int b = 0; b < ct.length; b += 2) {
                        sumsVec.add(oRow + ct[b + 1], w.get(wRow + ct[b]));
                    }
                }
            }
        }
    }

    private void gemm(ByteBuffer s, INDArray weights) {
        if (unfolded == null) {
            unfolded = Tensors.zeros(dtype.nd4j(), g.patchSize(), g.locations());
            unfoldedVec = Vec.of(unfolded);
            sums2d = sums.reshape('c', outChannels, g.locations());
        }
        if (weights != weightsSeen) {
            weightsSeen = weights;
            weights2d = weights.reshape('c', outChannels, g.patchSize());
        }
        Unfold.spikes(g, s, unfoldedVec);
        Nd4j.gemm(weights2d, unfolded, sums2d, false, false, 1.0, 0.0);
    }
}
