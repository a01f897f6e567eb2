package org.conex.behaviors.spatial;

import java.util.Arrays;

/**
 * im2col (torch {@code F.unfold}) of one input volume {@code [C, H, W]} (flat, C order) into the
 * patch matrix {@code U[K, L]} (flat; row k = patch element {@code (c*kh + i)*kw + j}, column
 * l = output location {@code oy*W_out + ox}); see {@link ConvGeometry} for the index convention.
 * Positions in the zero padding read 0. Both variants write every element of {@code out}.
 */
public final class Unfold {
    private Unfold() {
    }

    /** Unfolds bool spikes (one byte per neuron, non-zero = spike) into 0/1 values. */
    public static void spikes(ConvGeometry g, byte[] s, float[] out) {
        int h = g.height();
        int w = g.width();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int sw = g.strideW();
        int l = outH * outW;
        int k = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, k++) {
                    int first = firstInside(j - g.padW(), sw);
                    int end = endInside(j - g.padW(), sw, w, outW);
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.strideH() + i - g.padH();
                        int dst = k * l + oy * outW;
                        if (iy < 0 || iy >= h || first >= end) {
                            Arrays.fill(out, dst, dst + outW, 0f);
                            continue;
                        }
                        Arrays.fill(out, dst, dst + first, 0f);
                        int src = (c * h + iy) * w + j - g.padW();
                        for (int ox = first; ox < end; ox++) {
                            out[dst + ox] = s[src + ox * sw] != 0 ? 1f : 0f;
                        }
                        Arrays.fill(out, dst + end, dst + outW, 0f);
                    }
                }
            }
        }
    }

    /** Unfolds floating values (e.g. a pre-synaptic trace). */
    public static void values(ConvGeometry g, float[] x, float[] out) {
        int h = g.height();
        int w = g.width();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int sw = g.strideW();
        int l = outH * outW;
        int k = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, k++) {
                    int first = firstInside(j - g.padW(), sw);
                    int end = endInside(j - g.padW(), sw, w, outW);
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.strideH() + i - g.padH();
                        int dst = k * l + oy * outW;
                        if (iy < 0 || iy >= h || first >= end) {
                            Arrays.fill(out, dst, dst + outW, 0f);
                            continue;
                        }
                        Arrays.fill(out, dst, dst + first, 0f);
                        int src = (c * h + iy) * w + j - g.padW();
                        if (sw == 1) {
                            System.arraycopy(x, src + first, out, dst + first, end - first);
                        } else {
                            for (int ox = first; ox < end; ox++) {
                                out[dst + ox] = x[src + ox * sw];
                            }
                        }
                        Arrays.fill(out, dst + end, dst + outW, 0f);
                    }
                }
            }
        }
    }

    /** First output column whose input column {@code ox*sw + off} is >= 0. */
    private static int firstInside(int off, int sw) {
        return off >= 0 ? 0 : (-off + sw - 1) / sw;
    }

    /** One past the last output column whose input column {@code ox*sw + off} is < w. */
    private static int endInside(int off, int sw, int w, int outW) {
        if (w - off <= 0) {
            return 0;
        }
        return Math.min(outW, (w - off - 1) / sw + 1);
    }
}
