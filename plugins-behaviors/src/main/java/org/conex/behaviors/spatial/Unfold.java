package org.conex.behaviors.spatial;

import java.nio.ByteBuffer;
import org.conex.api.tensor.Vec;

/**
 * im2col (torch {@code F.unfold}) of one input volume {@code [C, H, W]} (flat, C order) into the
 * patch matrix {@code U[K, L]} (flat, row k = patch element {@code (c*kh + i)*kw + j}, column
 * l = output location {@code oy*W_out + ox}); see {@link ConvGeometry} for the index convention.
 * Positions in the zero padding read 0.
 */
public final class Unfold {
    private Unfold() {
    }

    /** Unfolds floating values (e.g. a pre-synaptic trace) into {@code out} (length K*L). */
    public static void values(ConvGeometry g, Vec x, Vec out) {
        int h = g.height();
        int w = g.width();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int l = outH * outW;
        int k = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, k++) {
                    int row = k * l;
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.strideH() + i - g.padH();
                        int dst = row + oy * outW;
                        if (iy < 0 || iy >= h) {
                            for (int ox = 0; ox < outW; ox++) {
                                out.set(dst + ox, 0);
                            }
                            continue;
                        }
                        int src = (c * h + iy) * w;
                        for (int ox = 0; ox < outW; ox++) {
                            int ix = ox * g.strideW() + j - g.padW();
                            out.set(dst + ox, ix < 0 || ix >= w ? 0 : x.get(src + ix));
                        }
                    }
                }
            }
        }
    }

    /** Unfolds a bool spike volume (one byte per neuron) into 0/1 values in {@code out} (length K*L). */
    public static void spikes(ConvGeometry g, ByteBuffer s, Vec out) {
        int h = g.height();
        int w = g.width();
        int outH = g.outHeight();
        int outW = g.outWidth();
        int l = outH * outW;
        int k = 0;
        for (int c = 0; c < g.channels(); c++) {
            for (int i = 0; i < g.kernelH(); i++) {
                for (int j = 0; j < g.kernelW(); j++, k++) {
                    int row = k * l;
                    for (int oy = 0; oy < outH; oy++) {
                        int iy = oy * g.strideH() + i - g.padH();
                        int dst = row + oy * outW;
                        if (iy < 0 || iy >= h) {
                            for (int ox = 0; ox < outW; ox++) {
                                out.set(dst + ox, 0);
                            }
                            continue;
                        }
                        int src = (c * h + iy) * w;
                        for (int ox = 0; ox < outW; ox++) {
                            int ix = ox * g.strideW() + j - g.padW();
                            out.set(dst + ox, ix < 0 || ix >= w || s.get(src + ix) == 0 ? 0 : 1);
                        }
                    }
                }
            }
        }
    }

    /**
     * One element {@code U[k, l]} of the unfolded values without materialising U (0 in the
     * padding): the event-driven kernels read single patches this way.
     */
    public static double at(ConvGeometry g, Vec x, int k, int l) {
        int kk = g.kernelH() * g.kernelW();
        int c = k / kk;
        int i = (k % kk) / g.kernelW();
        int j = k % g.kernelW();
        int oy = l / g.outWidth();
        int ox = l % g.outWidth();
        int iy = oy * g.strideH() + i - g.padH();
        int ix = ox * g.strideW() + j - g.padW();
        if (iy < 0 || iy >= g.height() || ix < 0 || ix >= g.width()) {
            return 0;
        }
        return x.get((c * g.height() + iy) * g.width() + ix);
    }
}
