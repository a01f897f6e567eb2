package org.conex.behaviors.learning;

import java.nio.FloatBuffer;
import org.conex.api.tensor.ColumnUpdates;
import org.conex.api.tensor.KernelThreads;
import org.conex.api.tensor.Kernels;

/**
 * The float32 kernels of the dense STDP rule: the same per-synapse expression as
 * {@link StdpParams#dw} (which rounds every operation of a double computation to float32), written
 * in plain float arithmetic on raw buffers, where every operation is the correctly rounded float
 * result by definition. So the weights are bit-identical to the generic path, several times faster.
 * Without bounds the potentiation of a silent source's row is one constant {@code x_pre * a_plus},
 * and a spiking source's row is updated in a heap copy by a loop the JIT vectorises, the
 * potentiation entering as {@code mask[j] * x_pre * a_plus} (mask 0 or 1; equal to the
 * conditional form for finite traces, up to the sign of a zero).
 * Every written value is passed through {@link Kernels#clamp} with the bounds a following
 * WeightClip offered (infinite bounds when there is no offer, which changes nothing).
 */
final class FloatStdp {
    private final float aPlus;
    private final float aMinus;
    private final float wMin;
    private final float wMax;
    private final StdpBound positive;
    private final StdpBound negative;
    private final boolean unbounded;
    private float[] row = new float[0];
    private float[] postMask = new float[0];
    private float[] depression = new float[0];
    private FloatBuffer preparedFor;
    private int[] postIndices;
    private int postIndexCount;
    private float[] increments = new float[0];
    private final ColumnUpdates columnUpdates = new ColumnUpdates();
    /** Heap copy of the pre traces for the silent rows' increments. */
    private float[] preTrace = new float[0];

    /** @param p parameters resolved for a float32 network */
    FloatStdp(StdpParams p) {
        aPlus = (float) p.aPlus();
        aMinus = (float) p.aMinus();
        wMin = (float) p.wMin();
        wMax = (float) p.wMax();
        positive = p.positiveBound();
        negative = p.negativeBound();
        unbounded = positive == StdpBound.NO_BOUND && negative == StdpBound.NO_BOUND;
    }

    /**
     * Per-step inputs of the unbounded row kernel as heap arrays (loops over them are vectorised):
     * {@code depression[j] = x_post[j] * a_minus} and {@code postMask[j]} = 1 if destination j
     * spiked, else 0. Valid until {@link #newStep()}.
     */
    private void prepare(FloatBuffer xPost, boolean[] post, int n) {
        if (row.length != n) {
            row = new float[n];
            postMask = new float[n];
            depression = new float[n];
        }
        float[] d = depression;
        float[] m = postMask;
        xPost.get(0, d, 0, n);
        for (int j = 0; j < n; j++) {
            d[j] = d[j] * aMinus;
        }
        if (postIndices != null) {
            java.util.Arrays.fill(m, 0, n, 0f);
            for (int k = 0; k < postIndexCount; k++) {
                m[postIndices[k]] = 1f;
            }
        } else {
            for (int j = 0; j < n; j++) {
                m[j] = post[j] ? 1f : 0f;
            }
        }
        preparedFor = xPost;
    }

    /**
     * The spiking destinations of this step as a list (ascending, the same as the {@code post}
     * flags passed to the row kernels), so that the mask is built from the few spikes instead of a
     * pass over every flag; null: use the flags. Valid until {@link #newStep()}.
     */
    void postList(int[] indices, int count) {
        postIndices = indices;
        postIndexCount = count;
    }

    /** Forgets the per-step inputs (call once per step before the row kernels). */
    void newStep() {
        preparedFor = null;
        postIndices = null;
    }

    /**
     * The weight after the update of one synapse, {@code clamp(w + dw, lo, hi)}, with dw the
     * expression of {@link StdpParams#dw} in float arithmetic.
     */
    float updated(float w, float xPre, boolean sPre, float xPost, boolean sPost, float lo, float hi) {
        float plus = sPost ? (xPre * aPlus) * factor(positive, w) : 0f;
        float minus = sPre ? (xPost * aMinus) * factor(negative, w) : 0f;
        return Kernels.clamp(w + (plus - minus), lo, hi);
    }

    private float factor(StdpBound b, float w) {
        return switch (b) { // exhaustive: a new bound does not compile until it is handled here
            case NO_BOUND -> 1f;
            case HARD_BOUND -> w > wMin && w < wMax ? 1f : 0f;
            case SOFT_BOUND -> (w - wMin) * (wMax - w);
            case SOFT_UPPER_BOUND -> Math.max(wMax - w, 0f);
            case SOFT_LOWER_BOUND -> Math.max(w - wMin, 0f);
        };
    }

    /**
     * Row of a source that spiked: every {@code w[base + j]}, j &lt; n, gets
     * {@code plus_j - a_minus * x_post[j] * B-(w)} with {@code plus_j} the potentiation when
     * destination j spiked too.
     */
    void spikingSourceRow(FloatBuffer w, int base, int n, float xPre, FloatBuffer xPost, boolean[] post, float lo,
                          float hi) {
        float c = xPre * aPlus;
        if (unbounded) {
            if (preparedFor != xPost) {
                prepare(xPost, post, n);
            }
            float[] r = row;
            w.get(base, r, 0, n);
            for (int j = 0; j < n; j++) {
                r[j] = Kernels.clamp(r[j] + (postMask[j] * c - depression[j]), lo, hi);
            }
            w.put(base, r, 0, n);
            return;
        }
        for (int j = 0; j < n; j++) {
            float wij = w.get(base + j);
            float minus = (xPost.get(j) * aMinus) * factor(negative, wij);
            float plus = post[j] ? c * factor(positive, wij) : 0f;
            w.put(base + j, Kernels.clamp(wij + (plus - minus), lo, hi));
        }
    }

    /**
     * Every source row but those of the sources that spiked ({@code spiking[0 .. nSpiking)}), which
     * {@link #spikingSourceRow} has just updated with the same bounds: in each, only the entries of
     * the spiking destinations {@code posts[0 .. count)} change, by {@code a_plus * x_pre[i] * B+(w)}.
     * Without a positive bound the rows are walked by index ({@link Kernels#addToColumnsOfEveryRow},
     * split over {@code threads} by {@link ColumnUpdates} when large enough),
     * the spiking rows with the increment -0: their entries were clamped to these bounds, so they
     * are fixed points of the walk's clamp and stay as they are, bit for bit.
     */
    void otherSourceRows(FloatBuffer w, int nDst, int nSrc, int[] spiking, int nSpiking, FloatBuffer xPre,
                         int[] posts, int count, float lo, float hi, KernelThreads threads) {
        if (positive != StdpBound.NO_BOUND) {
            for (int i = 0, k = 0; i < nSrc; i++) {
                if (k < nSpiking && spiking[k] == i) {
                    k++;
                } else {
                    silentSourceRow(w, i * nDst, xPre.get(i), posts, count, lo, hi);
                }
            }
            return;
        }
        if (increments.length < nSrc) {
            increments = new float[nSrc];
        }
        if (preTrace.length != nSrc) {
            preTrace = new float[nSrc];
        }
        float[] x = preTrace;
        float[] c = increments;
        xPre.get(0, x, 0, nSrc);
        for (int i = 0; i < nSrc; i++) {
            c[i] = x[i] * aPlus;
        }
        for (int k = 0; k < nSpiking; k++) {
            c[spiking[k]] = 0f; // not walked with their own increments: left out of the test below
        }
        // lo is the lower bound offered by the clip that follows (or -inf): every weight outside
        // the bounds lies in a row or column that clip visits next (WeightChanges#offerBounds), so
        // adding a non-negative increment cannot leave a value below lo that the clip would not
        // correct, and clamp(x, lo, hi) may be min(x, hi) here: the same weights, half the clamp.
        float lower = nonNegative(c, nSrc) ? Float.NEGATIVE_INFINITY : lo;
        for (int k = 0; k < nSpiking; k++) {
            c[spiking[k]] = -0.0f;
        }
        columnUpdates.addToEveryRow(w, nDst, c, nSrc, posts, count, lower, hi, threads);
    }

    /** True if {@code c[0 .. n)} are all {@code >= +0} and none is NaN (no sign bit set). */
    static boolean nonNegative(float[] c, int n) {
        int signs = 0;
        int magnitude = 0;
        for (int r = 0; r < n; r++) {
            int bits = Float.floatToRawIntBits(c[r]);
            signs |= bits;
            magnitude = Math.max(magnitude, bits & 0x7fffffff);
        }
        return signs >= 0 && magnitude <= 0x7f800000;
    }

    /**
     * Row of a silent source: only the entries of the spiking destinations {@code posts[0 .. count)}
     * change, by {@code a_plus * x_pre * B+(w)}.
     */
    void silentSourceRow(FloatBuffer w, int base, float xPre, int[] posts, int count, float lo, float hi) {
        float c = xPre * aPlus;
        if (positive == StdpBound.NO_BOUND) {
            for (int k = 0; k < count; k++) {
                int e = base + posts[k];
                w.put(e, Kernels.clamp(w.get(e) + c, lo, hi));
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            int e = base + posts[k];
            float wij = w.get(e);
            w.put(e, Kernels.clamp(wij + c * factor(positive, wij), lo, hi));
        }
    }
}
