package org.conex.behaviors.learning;

import java.nio.FloatBuffer;

/**
 * The float32 kernels of the dense STDP rule: the same per-synapse expression as
 * {@link StdpParams#dw} (which rounds every operation of a double computation to float32), written
 * in plain float arithmetic on raw buffers, where every operation is the correctly rounded float
 * result by definition. So the weights are bit-identical to the generic path, several times faster.
 * Without bounds the potentiation of a silent source's row is one constant {@code x_pre * a_plus}.
 */
final class FloatStdp {
    private final float aPlus;
    private final float aMinus;
    private final float wMin;
    private final float wMax;
    private final StdpBound positive;
    private final StdpBound negative;
    private final boolean unbounded;

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

    private float factor(StdpBound b, float w) {
        switch (b) {
            case HARD_BOUND: return w > wMin && w < wMax ? 1f : 0f;
            case SOFT_BOUND: return (w - wMin) * (wMax - w);
            default: return 1f;
        }
    }

    /**
     * Row of a source that spiked: every {@code w[base + j]}, j &lt; n, gets
     * {@code plus_j - a_minus * x_post[j] * B-(w)} with {@code plus_j} the potentiation when
     * destination j spiked too.
     */
    void spikingSourceRow(FloatBuffer w, int base, int n, float xPre, FloatBuffer xPost, boolean[] post) {
        float c = xPre * aPlus;
        if (unbounded) {
            for (int j = 0; j < n; j++) {
                float minus = xPost.get(j) * aMinus;
                float plus = post[j] ? c : 0f;
                w.put(base + j, w.get(base + j) + (plus - minus));
            }
            return;
        }
        for (int j = 0; j < n; j++) {
            float wij = w.get(base + j);
            float minus = (xPost.get(j) * aMinus) * factor(negative, wij);
            float plus = post[j] ? c * factor(positive, wij) : 0f;
            w.put(base + j, wij + (plus - minus));
        }
    }

    /**
     * Row of a silent source: only the entries of the spiking destinations {@code posts[0 .. count)}
     * change, by {@code a_plus * x_pre * B+(w)}.
     */
    void silentSourceRow(FloatBuffer w, int base, float xPre, int[] posts, int count) {
        float c = xPre * aPlus;
        if (positive == StdpBound.NO_BOUND) {
            for (int k = 0; k < count; k++) {
                int e = base + posts[k];
                w.put(e, w.get(e) + c);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            int e = base + posts[k];
            float wij = w.get(e);
            w.put(e, wij + c * factor(positive, wij));
        }
    }
}
